using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Persistence.Configurations;

internal sealed class BookmarkRecordConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(64);
        builder.Property(b => b.WorkflowInstanceId).HasMaxLength(64);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Hash).HasMaxLength(64);
        builder.Property(b => b.CorrelationId).HasMaxLength(200);
        builder.Property(b => b.ActivityInstanceId).HasMaxLength(64);
        // Every waiting referral shares one event hash: the event query narrows by correlation in the index.
        builder.HasIndex(b => new { b.Hash, b.CorrelationId });
        builder.HasIndex(b => b.WorkflowInstanceId);
        builder.Property(b => b.LastError).HasMaxLength(2000);
        builder.HasIndex(b => new { b.IsDead, b.ResumeAt });
    }
}
