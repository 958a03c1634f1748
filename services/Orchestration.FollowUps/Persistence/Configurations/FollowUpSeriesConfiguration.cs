using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence.Configurations;

internal sealed class FollowUpSeriesConfiguration : IEntityTypeConfiguration<FollowUpSeries>
{
    public void Configure(EntityTypeBuilder<FollowUpSeries> builder)
    {
        builder.ToTable("FollowUpSeries");
        builder.HasKey(s => s.InterventionReferralId);
        builder.Property(s => s.InterventionReferralId).ValueGeneratedNever();
        builder.HasIndex(s => s.ReferralId);
        // A schedule and a stop of one intervention handled at once: the later save is refused and retried on fresh data.
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
