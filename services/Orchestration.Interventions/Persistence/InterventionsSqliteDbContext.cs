using Microsoft.EntityFrameworkCore;

namespace Orchestration.Interventions.Persistence;

public sealed class InterventionsSqliteDbContext(DbContextOptions<InterventionsSqliteDbContext> options) : InterventionsDbContext(options);
