using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Persistence.Configurations;

internal sealed class JobbtorgReferralConfiguration : IEntityTypeConfiguration<JobbtorgReferral>
{
    public void Configure(EntityTypeBuilder<JobbtorgReferral> builder)
    {
        builder.ToTable("Referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.District).HasMaxLength(100);
        builder.Property(r => r.Unit).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(50);
        builder.Property(r => r.ClosedBy).HasMaxLength(200);
        builder.Property(r => r.ClosingNote).HasMaxLength(Limits.FreeText);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsClosed);
        builder.Ignore(r => r.IsTakenIn);

        // One open referral per district referral and unit: a repeated command, even racing itself, adds none.
        builder.HasIndex(r => new { r.ReferralId, r.Unit }).IsUnique().HasFilter("\"Status\" NOT IN ('ReReferred', 'Closed')");
        builder.HasIndex(r => r.District);

        builder.HasOne(r => r.Intake).WithOne().HasForeignKey<InitialMappingPart2>(i => i.JobbtorgReferralId);
        builder.HasOne(r => r.FiaJobPart).WithOne().HasForeignKey<FiaJobPart>(f => f.JobbtorgReferralId);
        builder.HasOne(r => r.ResursIntake).WithOne().HasForeignKey<ResursIntake>(i => i.JobbtorgReferralId);
        builder.HasOne(r => r.ReReferral).WithOne().HasForeignKey<ReReferral>(i => i.JobbtorgReferralId);
        builder.HasMany(r => r.Interventions).WithOne().HasForeignKey(i => i.JobbtorgReferralId);
    }
}
