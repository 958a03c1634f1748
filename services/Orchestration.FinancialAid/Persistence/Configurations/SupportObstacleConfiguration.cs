using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class SupportObstacleConfiguration : IEntityTypeConfiguration<SupportObstacle>
{
    public void Configure(EntityTypeBuilder<SupportObstacle> builder)
    {
        builder.ToTable("SupportObstacles");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Note).HasMaxLength(2000);
        builder.Property(o => o.RecordedBy).HasMaxLength(100);
        builder.HasIndex(o => o.ApplicationId);
    }
}
