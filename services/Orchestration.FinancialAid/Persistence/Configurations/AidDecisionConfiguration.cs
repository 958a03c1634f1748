using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class AidDecisionConfiguration : IEntityTypeConfiguration<AidDecision>
{
    public void Configure(EntityTypeBuilder<AidDecision> builder)
    {
        builder.ToTable("AidDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DecidedBy).HasMaxLength(100);
        builder.HasIndex(d => d.ApplicationId);
    }
}
