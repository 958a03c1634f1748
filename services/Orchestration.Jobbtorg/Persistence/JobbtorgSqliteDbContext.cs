using Microsoft.EntityFrameworkCore;

namespace Orchestration.Jobbtorg.Persistence;

public sealed class JobbtorgSqliteDbContext(DbContextOptions<JobbtorgSqliteDbContext> options) : JobbtorgDbContext(options);
