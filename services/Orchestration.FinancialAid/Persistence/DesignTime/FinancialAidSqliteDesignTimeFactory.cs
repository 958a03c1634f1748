using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FinancialAid.Persistence.DesignTime;

public sealed class FinancialAidSqliteDesignTimeFactory : IDesignTimeDbContextFactory<FinancialAidSqliteDbContext>
{
    public FinancialAidSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<FinancialAidSqliteDbContext>(DatabaseProvider.Sqlite, FinancialAidDbContext.SchemaName));
}
