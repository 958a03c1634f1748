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

        // Ids are made in code; never generated, so a row added through the referral is inserted, not updated.
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.WorkAbility).HasJsonConversion();
        builder.Property(f => f.Goals).HasJsonConversion();
        builder.Property(f => f.Readiness).HasJsonConversion();
        builder.Property(f => f.RecordedBy).HasMaxLength(200);
    }
}
