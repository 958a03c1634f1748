using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FollowUps.Persistence.DesignTime;

public sealed class FollowUpsSqliteDesignTimeFactory : IDesignTimeDbContextFactory<FollowUpsSqliteDbContext>
{
    public FollowUpsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<FollowUpsSqliteDbContext>(DatabaseProvider.Sqlite, FollowUpsDbContext.SchemaName));
}
