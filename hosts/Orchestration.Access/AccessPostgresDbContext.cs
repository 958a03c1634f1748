using Microsoft.EntityFrameworkCore;

namespace Orchestration.Access;

public sealed class AccessPostgresDbContext(DbContextOptions<AccessPostgresDbContext> options) : AccessDbContext(options);
