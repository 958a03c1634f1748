using Microsoft.EntityFrameworkCore;

namespace Orchestration.FollowUps.Persistence;

public sealed class FollowUpsPostgresDbContext(DbContextOptions<FollowUpsPostgresDbContext> options) : FollowUpsDbContext(options);
