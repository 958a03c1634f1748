using Microsoft.EntityFrameworkCore;

namespace Orchestration.ServiceDefaults.Security.Access;

public sealed class AccessPostgresDbContext(DbContextOptions<AccessPostgresDbContext> options) : AccessDbContext(options);
