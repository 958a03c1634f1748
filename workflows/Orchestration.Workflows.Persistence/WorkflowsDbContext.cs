using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Workflows.Persistence;

/// <summary>The workflow runtime's tables, in the "workflows" schema.</summary>
public abstract class WorkflowsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "workflows";

    public override string Schema => SchemaName;

    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowsDbContext).Assembly);
}
