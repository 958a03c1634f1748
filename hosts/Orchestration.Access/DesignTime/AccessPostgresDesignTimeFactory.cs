using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Access.DesignTime;

public sealed class AccessPostgresDesignTimeFactory : IDesignTimeDbContextFactory<AccessPostgresDbContext>
{
    public AccessPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<AccessPostgresDbContext>(DatabaseProvider.PostgreSql, AccessDbContext.SchemaName));
}
