using Microsoft.EntityFrameworkCore;
using Orchestration.FollowUps.Domain;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FollowUps.Persistence;

/// <summary>The follow-ups module's tables, in the "followups" schema (SQLite prefix "followups_"), with its outbox, inbox and audit log.</summary>
public abstract class FollowUpsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "followups";

    public override string Schema => SchemaName;

    public DbSet<FollowUpDeadline> Deadlines => Set<FollowUpDeadline>();

    public DbSet<DeadlineNotice> Notices => Set<DeadlineNotice>();

    public DbSet<DeadlineMove> Moves => Set<DeadlineMove>();

    public DbSet<CaseProgress> CaseProgress => Set<CaseProgress>();

    public DbSet<FollowUpSeries> FollowUpSeries => Set<FollowUpSeries>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FollowUpsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.StoreTimesAsTicksOnSqlite(Database);
    }
}
