using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Jobbtorg.Domain;

namespace Orchestration.Jobbtorg.Persistence.Configurations;

internal sealed class ResursIntakeConfiguration : IEntityTypeConfiguration<ResursIntake>
{
    public void Configure(EntityTypeBuilder<ResursIntake> builder)
    {
        builder.ToTable("ResursIntakes");
        builder.HasKey(i => i.JobbtorgReferralId);
        builder.Property(i => i.CompletedBy).HasMaxLength(200);
    }
}
