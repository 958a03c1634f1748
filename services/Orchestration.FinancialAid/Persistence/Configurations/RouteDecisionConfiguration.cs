using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Persistence.Configurations;

internal sealed class RouteDecisionConfiguration : IEntityTypeConfiguration<RouteDecision>
{
    public void Configure(EntityTypeBuilder<RouteDecision> builder)
    {
        builder.ToTable("RouteDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        // A comma-separated list of route names: readable in the database, and a route set is small.
        builder.Property(d => d.Routes).HasMaxLength(200).HasConversion(
            routes => string.Join(',', routes),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Route>).ToList(),
            new ValueComparer<IReadOnlyList<Route>>((a, b) => a!.SequenceEqual(b!), r => r.Aggregate(0, (h, x) => HashCode.Combine(h, x)), r => r.ToList()));
        builder.Property(d => d.OtherRoutes).HasMaxLength(400).HasConversion(
            routes => string.Join(',', routes),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), r => r.Aggregate(0, (h, x) => HashCode.Combine(h, x)), r => r.ToList()));
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.Property(d => d.IndividualsView).HasMaxLength(4000);
        builder.Property(d => d.DecidedBy).HasMaxLength(100);
        builder.HasIndex(d => d.ApplicationId);
    }
}
