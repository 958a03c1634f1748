using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("Consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RecordedBy).HasMaxLength(100);
        builder.Property(c => c.WithdrawnBy).HasMaxLength(100);
        builder.HasIndex(c => c.ApplicationId);
    }
}
