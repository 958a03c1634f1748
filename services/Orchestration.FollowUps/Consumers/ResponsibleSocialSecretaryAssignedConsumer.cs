using MassTransit;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FollowUps.Persistence;

namespace Orchestration.FollowUps.Consumers;

/// <summary>
/// Records who is responsible for the referral (ScheduleFollowUps without a name uses it) and moves its open deadlines
/// to them: the next reminders and "my follow-ups" follow. An assignment older than the one known changes nothing.
/// </summary>
public sealed class ResponsibleSocialSecretaryAssignedConsumer(FollowUpsDbContext db) : IConsumer<ResponsibleSocialSecretaryAssigned>
{
    public async Task Consume(ConsumeContext<ResponsibleSocialSecretaryAssigned> context)
    {
        var assigned = context.Message;
        var name = assigned.ResponsibleSocialSecretary?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidOperationException($"{nameof(ResponsibleSocialSecretaryAssigned)} for referral {assigned.ReferralId} names nobody.");
        }

        var progress = await db.FindOrStartAsync(assigned.ReferralId, null, assigned.AssignedAt, assigned.District?.Trim().ToLowerInvariant(), context.CancellationToken);
        if (progress.AssignResponsible(name, assigned.AssignedAt, assigned.District ?? ""))
        {
            var open = await db.Deadlines.Where(d => d.ReferralId == assigned.ReferralId && FollowUpQueries.OpenStates.Contains(d.State))
                .ToListAsync(context.CancellationToken);
            foreach (var deadline in open)
            {
                deadline.Reassign(name);
            }
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
