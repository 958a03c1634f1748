using Microsoft.EntityFrameworkCore;

namespace Orchestration.Access;

public sealed class AccessSqliteDbContext(DbContextOptions<AccessSqliteDbContext> options) : AccessDbContext(options);
