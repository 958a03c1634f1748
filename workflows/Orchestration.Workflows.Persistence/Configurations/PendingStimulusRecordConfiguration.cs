using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class PendingStimulusRecordConfiguration : IEntityTypeConfiguration<PendingStimulusRecord>
{
    public void Configure(EntityTypeBuilder<PendingStimulusRecord> builder)
    {
        builder.ToTable("PendingStimuli");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Hash).HasMaxLength(64);
        builder.Property(s => s.EventName).HasMaxLength(200);
        builder.Property(s => s.CorrelationId).HasMaxLength(200);
        // A new bookmark looks up its stimuli by hash and correlation; the purge by expiry.
        builder.HasIndex(s => new { s.Hash, s.CorrelationId, s.ReceivedAt });
        builder.HasIndex(s => s.ExpiresAt);
    }
}
