using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence.Configurations;

internal sealed class DeadlineNoticeConfiguration : IEntityTypeConfiguration<DeadlineNotice>
{
    public void Configure(EntityTypeBuilder<DeadlineNotice> builder)
    {
        builder.ToTable("DeadlineNotices");
        builder.HasKey(n => n.Id);
        // Set by the aggregate: a notice found in its collection is a new row, not an update.
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
    }
}
