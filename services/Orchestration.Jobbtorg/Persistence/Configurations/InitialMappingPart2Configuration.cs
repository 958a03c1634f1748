using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Persistence.Configurations;

internal sealed class InitialMappingPart2Configuration : IEntityTypeConfiguration<InitialMappingPart2>
{
    public void Configure(EntityTypeBuilder<InitialMappingPart2> builder)
    {
        builder.ToTable("Intakes");
        builder.HasKey(i => i.JobbtorgReferralId);
        builder.Property(i => i.HighestEducation).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.SwedishLevel).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.JobSeeking).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Notes).HasMaxLength(Limits.FreeText);
        builder.Property(i => i.CompletedBy).HasMaxLength(200);
    }
}
