using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence;

/// <summary>The workflow runtime's tables, in the "workflows" schema.</summary>
public abstract class WorkflowsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "workflows";

    public override string Schema => SchemaName;

    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();

    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();

    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    public DbSet<JournalRecord> Journal => Set<JournalRecord>();

    public DbSet<ActivityExecutionRecord> ActivityExecutions => Set<ActivityExecutionRecord>();

    public DbSet<WorkflowTriggerRecord> Triggers => Set<WorkflowTriggerRecord>();

    public DbSet<TriggerOccurrenceRecord> TriggerOccurrences => Set<TriggerOccurrenceRecord>();

    public DbSet<PendingStimulusRecord> PendingStimuli => Set<PendingStimulusRecord>();

    public DbSet<FollowUpRecord> FollowUps => Set<FollowUpRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.StoreTimesAsTicksOnSqlite(Database);
    }
}
