using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.FinancialAid.Persistence;

/// <summary>The financial-aid module's tables, in the "financialaid" schema, with its outbox and inbox.</summary>
public abstract class FinancialAidDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "financialaid";

    public override string Schema => SchemaName;

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<AidApplication> Applications => Set<AidApplication>();

    public DbSet<InstrumentRecord> Instruments => Set<InstrumentRecord>();

    public DbSet<SupportObstacle> SupportObstacles => Set<SupportObstacle>();

    public DbSet<RouteDecision> RouteDecisions => Set<RouteDecision>();

    public DbSet<AidDecision> AidDecisions => Set<AidDecision>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<ReReferral> ReReferrals => Set<ReReferral>();

    public DbSet<ListCode> Codes => Set<ListCode>();

    public DbSet<ProcessSetting> Settings => Set<ProcessSetting>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FinancialAidDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.StoreTimesAsTicksOnSqlite(Database);
    }
}
