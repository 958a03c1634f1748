using MassTransit;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Persistence;

namespace Orchestration.FollowUps.Consumers;

/// <summary>
/// The case closed: its stage becomes Closed for good and every open follow-up deadline of the referral stops, so
/// no reminder or escalation follows (also when the process's StopFollowUps comes later or never).
/// </summary>
public sealed class CaseClosedConsumer(FollowUpsDbContext db) : IConsumer<CaseClosed>
{
    public async Task Consume(ConsumeContext<CaseClosed> context)
    {
        var closed = context.Message;
        await db.FindOrStartAsync(closed.ReferralId, CaseStage.Closed, closed.ClosedAt, closed.District?.Trim().ToLowerInvariant(), context.CancellationToken);
        var open = await db.Deadlines.Where(d => d.ReferralId == closed.ReferralId && FollowUpQueries.OpenStates.Contains(d.State))
            .ToListAsync(context.CancellationToken);
        foreach (var deadline in open)
        {
            deadline.Stop(closed.ClosedAt);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
