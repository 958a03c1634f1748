using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class TriggerOccurrenceRecordConfiguration : IEntityTypeConfiguration<TriggerOccurrenceRecord>
{
    public void Configure(EntityTypeBuilder<TriggerOccurrenceRecord> builder)
    {
        builder.ToTable("TriggerOccurrences");
        builder.HasKey(o => o.Key);
        builder.Property(o => o.Key).HasMaxLength(300);
        builder.Property(o => o.WorkflowInstanceId).HasMaxLength(64);
    }
}
