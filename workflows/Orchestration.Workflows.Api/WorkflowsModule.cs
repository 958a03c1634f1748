using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Api.Endpoints;
using Orchestration.Workflows.Persistence;

namespace Orchestration.Workflows.Api;

/// <summary>The workflow engine and its Elsa-3-compatible API under /elsa/api (ELSA-API.md).</summary>
public static class WorkflowsModule
{
    public const string RoutePrefix = "/elsa/api";

    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowsPersistence();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags("Workflows").RequireAuthorization(Policies.Authenticated);
        group.MapServerInfo();
        group.MapWorkflowDefinitions();
        group.MapWorkflowInstances();
        group.MapEvents();
        return endpoints;
    }
}
