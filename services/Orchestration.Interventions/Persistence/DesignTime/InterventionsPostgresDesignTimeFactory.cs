using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Interventions.Persistence.DesignTime;

public sealed class InterventionsPostgresDesignTimeFactory : IDesignTimeDbContextFactory<InterventionsPostgresDbContext>
{
    public InterventionsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<InterventionsPostgresDbContext>(DatabaseProvider.PostgreSql, InterventionsDbContext.SchemaName));
}
