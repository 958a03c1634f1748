using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Interventions.Domain;

namespace Orchestration.Interventions.Persistence.Configurations;

internal sealed class InterventionReferralConfiguration : IEntityTypeConfiguration<InterventionReferral>
{
    public void Configure(EntityTypeBuilder<InterventionReferral> builder)
    {
        builder.ToTable("Referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.District).HasMaxLength(100);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.InterventionName).HasMaxLength(200);
        builder.Property(r => r.ProviderDistrict).HasMaxLength(100);
        builder.Property(r => r.PricePerPlace).HasPrecision(12, 2);
        builder.Property(r => r.ChosenBy).HasMaxLength(200);
        builder.Property(r => r.StartedBy).HasMaxLength(200);
        builder.Property(r => r.ClosedBy).HasMaxLength(200);
        builder.Property(r => r.TransferDecidedBy).HasMaxLength(200);
        builder.Property(r => r.AidDecisionReference).HasMaxLength(100);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(50);
        builder.Property(r => r.Assignment).HasJsonConversion();
        builder.Property(r => r.WorkPlan).HasJsonConversion();
        builder.Property(r => r.ImplementationPlan).HasJsonConversion();
        builder.Ignore(r => r.HoldsPlace);
        builder.Ignore(r => r.AidDecisionMissing);
        builder.Ignore(r => r.LatestFollowUp);

        // One open intervention referral per referral: a repeated OpenInterventionReferral cannot open a second.
        builder.HasIndex(r => r.ReferralId).IsUnique().HasFilter("\"State\" <> 'Closed'");
        builder.HasIndex(r => new { r.District, r.State });
        builder.HasIndex(r => r.InterventionId);
        builder.HasIndex(r => r.PersonId);
        builder.HasOne<CatalogueIntervention>().WithMany().HasForeignKey(r => r.InterventionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Talks).WithOne().HasForeignKey(t => t.InterventionReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.FollowUps).WithOne().HasForeignKey(f => f.InterventionReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
