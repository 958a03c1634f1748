using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence.Configurations;

internal sealed class DeadlineMoveConfiguration : IEntityTypeConfiguration<DeadlineMove>
{
    public void Configure(EntityTypeBuilder<DeadlineMove> builder)
    {
        builder.ToTable("DeadlineMoves");
        builder.HasKey(m => m.Id);
        // Set by the aggregate: a move found in its collection is a new row, not an update.
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Reason).HasMaxLength(FollowUpDeadline.MaxReasonLength);
        builder.Property(m => m.MovedBy).HasMaxLength(200);
    }
}
