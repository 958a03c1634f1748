using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.ServiceDefaults.Hosting;

public static class HangfireDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// Hangfire's dashboard for admins. It sits behind the same bearer-token / API-key authentication and policy as
    /// every endpoint, instead of Hangfire's own filters (which would allow local requests only). Callers send a
    /// header, not a cookie, so a cross-site form cannot act for them and Hangfire's antiforgery check is off.
    /// </summary>
    public static IEndpointConventionBuilder MapAdminHangfireDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            IgnoreAntiforgeryToken = true,
            DisplayStorageConnectionString = false,
            DashboardTitle = "Orchestration jobs",
        }).RequireAuthorization(Policies.Administer);
}
