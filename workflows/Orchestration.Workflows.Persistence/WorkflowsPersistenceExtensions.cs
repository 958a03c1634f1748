using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Workflows.Persistence;

public static class WorkflowsPersistenceExtensions
{
    public static IServiceCollection AddWorkflowsPersistence(this IServiceCollection services) =>
        services.AddModuleDbContext<WorkflowsDbContext, WorkflowsSqliteDbContext, WorkflowsPostgresDbContext>(WorkflowsDbContext.SchemaName);
}
