using Microsoft.EntityFrameworkCore;

namespace Orchestration.Interventions.Persistence;

public sealed class InterventionsPostgresDbContext(DbContextOptions<InterventionsPostgresDbContext> options) : InterventionsDbContext(options);
