using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(100);
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.Property(d => d.Name).HasMaxLength(400);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.DefinitionId, d.IsLatest });
        builder.HasIndex(d => d.Name);
        builder.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
    }
}
