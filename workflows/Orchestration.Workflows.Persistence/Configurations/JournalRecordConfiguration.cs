using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class JournalRecordConfiguration : IEntityTypeConfiguration<JournalRecord>
{
    public void Configure(EntityTypeBuilder<JournalRecord> builder)
    {
        builder.ToTable("Journal");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasMaxLength(64);
        builder.Property(j => j.WorkflowInstanceId).HasMaxLength(64);
        builder.Property(j => j.EventName).HasMaxLength(50);
        builder.HasIndex(j => new { j.WorkflowInstanceId, j.Sequence }).IsUnique();
    }
}
