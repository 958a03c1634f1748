using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Persistence.Configurations;

internal sealed class ListCodeConfiguration : IEntityTypeConfiguration<ListCode>
{
    public void Configure(EntityTypeBuilder<ListCode> builder)
    {
        builder.ToTable("Codes");
        builder.HasKey(c => new { c.List, c.Code });
        builder.Property(c => c.List).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Code).HasMaxLength(Limits.Code);
        builder.Property(c => c.Label).HasMaxLength(Limits.Label);

        // Installed by the migration; the process owner edits them afterwards.
        builder.HasData(DefaultCodes.InterventionKinds.Concat(DefaultCodes.ReReferralReasons));
    }
}
