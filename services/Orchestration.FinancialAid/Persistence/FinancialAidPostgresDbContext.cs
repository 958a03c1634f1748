using Microsoft.EntityFrameworkCore;

namespace Orchestration.FinancialAid.Persistence;

public sealed class FinancialAidPostgresDbContext(DbContextOptions<FinancialAidPostgresDbContext> options) : FinancialAidDbContext(options);
