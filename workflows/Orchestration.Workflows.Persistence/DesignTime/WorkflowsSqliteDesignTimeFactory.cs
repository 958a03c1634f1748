using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Workflows.Persistence.DesignTime;

public sealed class WorkflowsSqliteDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowsSqliteDbContext>
{
    public WorkflowsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<WorkflowsSqliteDbContext>(DatabaseProvider.Sqlite, WorkflowsDbContext.SchemaName));
}
