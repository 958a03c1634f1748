using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence.Configurations;

internal sealed class FollowUpDeadlineConfiguration : IEntityTypeConfiguration<FollowUpDeadline>
{
    public void Configure(EntityTypeBuilder<FollowUpDeadline> builder)
    {
        builder.ToTable("Deadlines");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.District).HasMaxLength(100);
        builder.Property(d => d.ResponsibleSocialSecretary).HasMaxLength(200);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Interval).HasMaxLength(30);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.IsOpen);

        // The claimer's query: open rows whose next action has come, oldest first.
        builder.HasIndex(d => new { d.State, d.NextActionAt }).HasDatabaseName("IX_Deadlines_Claim");
        // One open deadline per intervention: a repeated ScheduleFollowUps cannot open a second.
        builder.HasIndex(d => d.InterventionReferralId).IsUnique().HasFilter("\"State\" IN ('Pending', 'Reminded', 'Escalated')")
            .HasDatabaseName("IX_Deadlines_OneOpenPerIntervention");
        builder.HasIndex(d => new { d.ResponsibleSocialSecretary, d.State });
        builder.HasIndex(d => new { d.District, d.State });
        builder.HasIndex(d => d.ReferralId);
        builder.HasMany(d => d.Moves).WithOne().HasForeignKey(m => m.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Notices).WithOne().HasForeignKey(n => n.DeadlineId).OnDelete(DeleteBehavior.Cascade);
    }
}
