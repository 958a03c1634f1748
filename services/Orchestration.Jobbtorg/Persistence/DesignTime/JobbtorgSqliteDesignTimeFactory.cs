using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Jobbtorg.Persistence.DesignTime;

public sealed class JobbtorgSqliteDesignTimeFactory : IDesignTimeDbContextFactory<JobbtorgSqliteDbContext>
{
    public JobbtorgSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<JobbtorgSqliteDbContext>(DatabaseProvider.Sqlite, JobbtorgDbContext.SchemaName));
}
