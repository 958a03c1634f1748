using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Persistence.Configurations;

internal sealed class FiaJobPartConfiguration : IEntityTypeConfiguration<FiaJobPart>
{
    public void Configure(EntityTypeBuilder<FiaJobPart> builder)
    {
        builder.ToTable("FiaJobParts");
        builder.HasKey(f => f.JobbtorgReferralId);
        builder.Property(f => f.Goal).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Notes).HasMaxLength(Limits.FreeText);
        builder.Property(f => f.CompletedBy).HasMaxLength(200);
    }
}
