using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Jobbtorg.Persistence;

/// <summary>The Jobbtorg module's tables, in the "jobbtorg" schema, with its outbox, inbox and audit log.</summary>
public abstract class JobbtorgDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "jobbtorg";

    public override string Schema => SchemaName;

    public DbSet<JobbtorgReferral> Referrals => Set<JobbtorgReferral>();

    public DbSet<InitialMappingPart2> Intakes => Set<InitialMappingPart2>();

    public DbSet<FiaJobPart> FiaJobParts => Set<FiaJobPart>();

    public DbSet<ResursIntake> ResursIntakes => Set<ResursIntake>();

    public DbSet<JobbtorgIntervention> Interventions => Set<JobbtorgIntervention>();

    public DbSet<ReReferral> ReReferrals => Set<ReReferral>();

    public DbSet<ListCode> Codes => Set<ListCode>();

    /// <summary>Referrals with everything recorded on them, tracked for a change.</summary>
    public IQueryable<JobbtorgReferral> ReferralsWithParts() =>
        Referrals
            .Include(r => r.Intake)
            .Include(r => r.FiaJobPart)
            .Include(r => r.ResursIntake)
            .Include(r => r.Interventions)
            .Include(r => r.ReReferral)
            .AsSplitQuery();

    /// <summary>A referral with everything recorded on it, tracked for a change.</summary>
    public Task<JobbtorgReferral?> FindReferralAsync(Guid id, CancellationToken cancellationToken) =>
        ReferralsWithParts().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JobbtorgDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();

        // The referral list is newest first: ticks on SQLite (timestamptz on PostgreSQL).
        modelBuilder.StoreTimesAsTicksOnSqlite(Database);
    }
}
