using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.ServiceDefaults.Hosting;

public static class ModuleStatusEndpoint
{
    public sealed record ModuleStatus(string Module, string Caller, IReadOnlyList<string> Roles, string? District);

    /// <summary>GET on the module's root: which module answers and as whom the caller is seen (under the group's policy).</summary>
    public static RouteHandlerBuilder MapModuleStatus(this RouteGroupBuilder group, string module) =>
        group.MapGet("/", (ClaimsPrincipal user) => TypedResults.Ok(new ModuleStatus(
                module,
                user.Identity?.Name ?? "",
                user.FindAll(OrchestrationClaims.Role).Select(c => c.Value).ToList(),
                user.FindFirstValue(OrchestrationClaims.District))))
            .WithName($"{module}Status")
            .WithSummary("Which module answers, and the caller's name, roles and district as this module sees them.");
}
