using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class ProcessSettingConfiguration : IEntityTypeConfiguration<ProcessSetting>
{
    public void Configure(EntityTypeBuilder<ProcessSetting> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(60);
    }
}
