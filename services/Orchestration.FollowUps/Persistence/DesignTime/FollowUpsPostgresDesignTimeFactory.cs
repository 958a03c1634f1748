using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FollowUps.Persistence.DesignTime;

public sealed class FollowUpsPostgresDesignTimeFactory : IDesignTimeDbContextFactory<FollowUpsPostgresDbContext>
{
    public FollowUpsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<FollowUpsPostgresDbContext>(DatabaseProvider.PostgreSql, FollowUpsDbContext.SchemaName));
}
