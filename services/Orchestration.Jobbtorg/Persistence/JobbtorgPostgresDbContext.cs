using Microsoft.EntityFrameworkCore;

namespace Orchestration.Jobbtorg.Persistence;

public sealed class JobbtorgPostgresDbContext(DbContextOptions<JobbtorgPostgresDbContext> options) : JobbtorgDbContext(options);
