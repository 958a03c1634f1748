using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Interventions.Domain;

namespace Orchestration.Interventions.Persistence.Configurations;

internal sealed class CatalogueInterventionConfiguration : IEntityTypeConfiguration<CatalogueIntervention>
{
    public void Configure(EntityTypeBuilder<CatalogueIntervention> builder)
    {
        builder.ToTable("Catalogue");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(50);
        builder.Property(c => c.ProviderDistrict).HasMaxLength(100);
        builder.Property(c => c.Provider).HasMaxLength(200);
        builder.Property(c => c.TargetGroup).HasMaxLength(2000);
        builder.Property(c => c.PricePerPlace).HasPrecision(12, 2);
        builder.HasIndex(c => c.ProviderDistrict);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
