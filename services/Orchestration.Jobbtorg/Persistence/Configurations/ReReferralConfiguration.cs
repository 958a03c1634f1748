using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Persistence.Configurations;

internal sealed class ReReferralConfiguration : IEntityTypeConfiguration<ReReferral>
{
    public void Configure(EntityTypeBuilder<ReReferral> builder)
    {
        builder.ToTable("ReReferrals");
        builder.HasKey(r => r.Id);

        // Ids are made in code; never generated, so a new row added through the referral is inserted, not updated.
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.JobbtorgReferralId).IsUnique();
        builder.HasIndex(r => r.ReasonCode);
        builder.Property(r => r.District).HasMaxLength(100);
        builder.Property(r => r.ReasonCode).HasMaxLength(Limits.Code);
        builder.Property(r => r.ReasonText).HasMaxLength(Limits.FreeText);
        builder.Property(r => r.ReReferredBy).HasMaxLength(200);
    }
}
