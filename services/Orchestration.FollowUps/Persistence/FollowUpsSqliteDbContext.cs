using Microsoft.EntityFrameworkCore;

namespace Orchestration.FollowUps.Persistence;

public sealed class FollowUpsSqliteDbContext(DbContextOptions<FollowUpsSqliteDbContext> options) : FollowUpsDbContext(options);
