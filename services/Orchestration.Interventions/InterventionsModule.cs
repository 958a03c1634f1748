using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions;

/// <summary>District interventions: catalogue, intervention referrals, assignment and plans, follow-ups, readiness, closure.</summary>
public static class InterventionsModule
{
    public const string Name = "Interventions";
    public const string RoutePrefix = "/api/interventions";

    public static IServiceCollection AddInterventions(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapInterventions(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.InterventionStaff);
        group.MapModuleStatus(Name);
        return endpoints;
    }
}
