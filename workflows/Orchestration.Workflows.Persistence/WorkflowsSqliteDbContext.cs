using Microsoft.EntityFrameworkCore;

namespace Orchestration.Workflows.Persistence;

public sealed class WorkflowsSqliteDbContext(DbContextOptions<WorkflowsSqliteDbContext> options) : WorkflowsDbContext(options);
