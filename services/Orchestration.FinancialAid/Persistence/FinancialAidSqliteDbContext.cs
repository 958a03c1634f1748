using Microsoft.EntityFrameworkCore;

namespace Orchestration.FinancialAid.Persistence;

public sealed class FinancialAidSqliteDbContext(DbContextOptions<FinancialAidSqliteDbContext> options) : FinancialAidDbContext(options);
