using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence.Configurations;

internal sealed class CaseProgressConfiguration : IEntityTypeConfiguration<CaseProgress>
{
    public void Configure(EntityTypeBuilder<CaseProgress> builder)
    {
        builder.ToTable("CaseProgress");
        builder.HasKey(p => p.ReferralId);
        builder.Property(p => p.ReferralId).ValueGeneratedNever();
        builder.Property(p => p.District).HasMaxLength(100);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.ResponsibleSocialSecretary).HasMaxLength(200);
        // Two events of one referral handled at once: the later save is refused and retried on fresh data.
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
