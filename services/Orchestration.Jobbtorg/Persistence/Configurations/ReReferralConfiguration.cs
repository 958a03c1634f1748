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
        builder.HasIndex(r => r.JobbtorgReferralId).IsUnique();
        builder.HasIndex(r => r.ReasonCode);
        builder.Property(r => r.District).HasMaxLength(100);
        builder.Property(r => r.ReasonCode).HasMaxLength(Limits.Code);
        builder.Property(r => r.ReasonText).HasMaxLength(Limits.FreeText);
        builder.Property(r => r.ReReferredBy).HasMaxLength(200);
    }
}
