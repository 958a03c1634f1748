using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class WorkflowTriggerRecordConfiguration : IEntityTypeConfiguration<WorkflowTriggerRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowTriggerRecord> builder)
    {
        builder.ToTable("Triggers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(200);
        builder.Property(t => t.DefinitionId).HasMaxLength(100);
        builder.Property(t => t.DefinitionVersionId).HasMaxLength(100);
        builder.Property(t => t.ActivityId).HasMaxLength(100);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Value).HasMaxLength(500);
        builder.HasIndex(t => t.DefinitionId);
        builder.HasIndex(t => new { t.Name, t.Value });
        builder.HasIndex(t => t.NextOccurrenceAt);
    }
}
