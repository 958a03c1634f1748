using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class ActivityExecutionRecordConfiguration : IEntityTypeConfiguration<ActivityExecutionRecord>
{
    public void Configure(EntityTypeBuilder<ActivityExecutionRecord> builder)
    {
        builder.ToTable("ActivityExecutions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.WorkflowInstanceId).HasMaxLength(64);
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.HasIndex(a => new { a.WorkflowInstanceId, a.ActivityNodeId });
    }
}
