using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class AidApplicationConfiguration : IEntityTypeConfiguration<AidApplication>
{
    public void Configure(EntityTypeBuilder<AidApplication> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.District).HasMaxLength(100);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.RegisteredBy).HasMaxLength(100);
        builder.Property(a => a.ResponsibleSocialSecretary).HasMaxLength(100);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Gender).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ClosingNote).HasMaxLength(4000);
        builder.Property(a => a.ClosedBy).HasMaxLength(100);
        builder.Ignore(a => a.IsClosed);
        builder.Ignore(a => a.CurrentSupportObstacle);
        builder.HasIndex(a => new { a.District, a.ResponsibleSocialSecretary });

        // The aggregate's parts, each through its read-only collection and backing field.
        builder.HasMany(a => a.Instruments).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.SupportObstacles).WithOne().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.RouteDecisions).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.AidDecisions).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Consents).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.ReReferrals).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        foreach (var part in new[] { nameof(AidApplication.Instruments), nameof(AidApplication.SupportObstacles), nameof(AidApplication.RouteDecisions),
                     nameof(AidApplication.AidDecisions), nameof(AidApplication.Consents), nameof(AidApplication.ReReferrals) })
        {
            builder.Navigation(part).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
        builder.HasIndex(a => a.PersonId);
        builder.HasIndex(a => a.District);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
