using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class WorkflowInstanceRecordConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.DefinitionVersionId).HasMaxLength(100);
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.SubStatus).HasMaxLength(20);
        builder.Property(i => i.CorrelationId).HasMaxLength(200);
        builder.Property(i => i.Name).HasMaxLength(400);
        builder.Property(i => i.District).HasMaxLength(100);
        builder.Property(i => i.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(i => i.DefinitionId);
        builder.HasIndex(i => i.CorrelationId);
        builder.Property(i => i.ParentInstanceId).HasMaxLength(64);
        builder.HasIndex(i => i.ParentInstanceId);
        builder.HasIndex(i => new { i.Status, i.SubStatus });
        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => i.District);
    }
}
