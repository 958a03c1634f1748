using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Interventions.Domain;

namespace Orchestration.Interventions.Persistence.Configurations;

internal sealed class ThreePartyTalkConfiguration : IEntityTypeConfiguration<ThreePartyTalk>
{
    public void Configure(EntityTypeBuilder<ThreePartyTalk> builder)
    {
        builder.ToTable("ThreePartyTalks");
        builder.HasKey(t => t.Id);

        // Ids are made in code; never generated, so a row added through the referral is inserted, not updated.
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.OtherParticipants).HasJsonConversion();
        builder.Property(t => t.RecordedBy).HasMaxLength(200);
    }
}
