using Microsoft.EntityFrameworkCore;

namespace Orchestration.ServiceDefaults.Security.Access;

public sealed class AccessSqliteDbContext(DbContextOptions<AccessSqliteDbContext> options) : AccessDbContext(options);
