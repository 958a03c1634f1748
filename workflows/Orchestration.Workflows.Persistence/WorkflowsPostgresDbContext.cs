using Microsoft.EntityFrameworkCore;

namespace Orchestration.Workflows.Persistence;

public sealed class WorkflowsPostgresDbContext(DbContextOptions<WorkflowsPostgresDbContext> options) : WorkflowsDbContext(options);
