using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class ReReferralConfiguration : IEntityTypeConfiguration<ReReferral>
{
    public void Configure(EntityTypeBuilder<ReReferral> builder)
    {
        builder.ToTable("ReReferrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.ApplicationId);
    }
}
