using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid;

/// <summary>Financial aid: applications, initial mapping parts 1 and 3, support obstacles, aid decisions, FIA social/health part, consents.</summary>
public static class FinancialAidModule
{
    public const string Name = "FinancialAid";
    public const string RoutePrefix = "/api/financial-aid";

    public static IServiceCollection AddFinancialAid(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapFinancialAid(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.FinancialAidCaseworker);
        group.MapModuleStatus(Name);
        return endpoints;
    }
}
