using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Workflows.Persistence.DesignTime;

public sealed class WorkflowsPostgresDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowsPostgresDbContext>
{
    public WorkflowsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<WorkflowsPostgresDbContext>(DatabaseProvider.PostgreSql, WorkflowsDbContext.SchemaName));
}
