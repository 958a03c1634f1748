using Microsoft.EntityFrameworkCore.Design;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FinancialAid.Persistence.DesignTime;

public sealed class FinancialAidPostgresDesignTimeFactory : IDesignTimeDbContextFactory<FinancialAidPostgresDbContext>
{
    public FinancialAidPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<FinancialAidPostgresDbContext>(DatabaseProvider.PostgreSql, FinancialAidDbContext.SchemaName));
}
