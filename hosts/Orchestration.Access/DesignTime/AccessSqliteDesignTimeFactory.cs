using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Access.DesignTime;

public sealed class AccessSqliteDesignTimeFactory : IDesignTimeDbContextFactory<AccessSqliteDbContext>
{
    public AccessSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<AccessSqliteDbContext>(DatabaseProvider.Sqlite, AccessDbContext.SchemaName));
}
