using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg;

/// <summary>Jobbtorg: referrals received, intake (mapping part 2), FIA education/job part, Jobbtorg interventions, re-referrals, Jobbtorg Resurs.</summary>
public static class JobbtorgModule
{
    public const string Name = "Jobbtorg";
    public const string RoutePrefix = "/api/jobbtorg";

    public static IServiceCollection AddJobbtorg(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapJobbtorg(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.JobbtorgCaseworker);
        group.MapModuleStatus(Name);
        return endpoints;
    }
}
