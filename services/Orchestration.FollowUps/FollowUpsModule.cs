using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FollowUps;

/// <summary>Follow-up deadlines, reminders, escalations and statistics.</summary>
public static class FollowUpsModule
{
    public const string Name = "FollowUps";
    public const string RoutePrefix = "/api/follow-ups";

    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.FollowUpOversight);
        group.MapModuleStatus(Name);
        return endpoints;
    }
}
