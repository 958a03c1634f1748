using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Interventions.Domain;

namespace Orchestration.Interventions.Persistence.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("FollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.WorkAbility).HasJsonConversion();
        builder.Property(f => f.Goals).HasJsonConversion();
        builder.Property(f => f.Readiness).HasJsonConversion();
        builder.Property(f => f.RecordedBy).HasMaxLength(200);
    }
}
