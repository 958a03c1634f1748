using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Interventions.Persistence.DesignTime;

public sealed class InterventionsSqliteDesignTimeFactory : IDesignTimeDbContextFactory<InterventionsSqliteDbContext>
{
    public InterventionsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<InterventionsSqliteDbContext>(DatabaseProvider.Sqlite, InterventionsDbContext.SchemaName));
}
