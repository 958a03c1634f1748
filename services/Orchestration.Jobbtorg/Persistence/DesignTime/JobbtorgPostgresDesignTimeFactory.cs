using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Jobbtorg.Persistence.DesignTime;

public sealed class JobbtorgPostgresDesignTimeFactory : IDesignTimeDbContextFactory<JobbtorgPostgresDbContext>
{
    public JobbtorgPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<JobbtorgPostgresDbContext>(DatabaseProvider.PostgreSql, JobbtorgDbContext.SchemaName));
}
