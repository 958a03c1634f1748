using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Orchestration.Interventions.Domain;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;

namespace Orchestration.Interventions.Persistence;

/// <summary>The interventions module's tables, in the "interventions" schema, with its outbox, inbox and audit log.</summary>
public abstract class InterventionsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "interventions";

    public override string Schema => SchemaName;

    public DbSet<CatalogueIntervention> Catalogue => Set<CatalogueIntervention>();

    public DbSet<InterventionReferral> Referrals => Set<InterventionReferral>();

    public DbSet<ThreePartyTalk> Talks => Set<ThreePartyTalk>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InterventionsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
        if (Database.IsSqlite())
        {
            // SQLite cannot order DateTimeOffset text (lists are newest first), so store UTC ticks there, as the workflows do.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                         .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
            }
        }
    }
}
