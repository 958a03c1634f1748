using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class FollowUpRecordConfiguration : IEntityTypeConfiguration<FollowUpRecord>
{
    public void Configure(EntityTypeBuilder<FollowUpRecord> builder)
    {
        builder.ToTable("FollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Kind).HasMaxLength(40);
        builder.Property(f => f.SourceInstanceId).HasMaxLength(64);
        builder.Property(f => f.LastError).HasMaxLength(2000);
        builder.HasIndex(f => new { f.IsDead, f.NextAttemptAt });
        builder.HasIndex(f => f.SourceInstanceId);
    }
}
