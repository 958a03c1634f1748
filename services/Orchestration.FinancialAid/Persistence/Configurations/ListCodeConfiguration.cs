using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class ListCodeConfiguration : IEntityTypeConfiguration<ListCode>
{
    public void Configure(EntityTypeBuilder<ListCode> builder)
    {
        // Installed on first start from configuration (CodeListSeeder); the process owner edits them afterwards.
        builder.ToTable("Codes");
        builder.HasKey(c => new { c.List, c.Code });
        builder.Property(c => c.List).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Code).HasMaxLength(CodeListRules.CodeLength);
        builder.Property(c => c.Label).HasMaxLength(CodeListRules.LabelLength);
    }
}
