using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Persistence.Configurations;

internal sealed class JobbtorgInterventionConfiguration : IEntityTypeConfiguration<JobbtorgIntervention>
{
    public void Configure(EntityTypeBuilder<JobbtorgIntervention> builder)
    {
        builder.ToTable("Interventions");
        builder.HasKey(i => i.Id);

        // Ids are made in code; never generated, so a new row added through the referral is inserted, not updated.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasMaxLength(Limits.Code);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.BookedBy).HasMaxLength(200);
        builder.HasIndex(i => i.Kind);
    }
}
