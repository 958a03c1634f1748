using MassTransit;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.FollowUps.Persistence;

namespace Orchestration.FollowUps.Consumers;

/// <summary>
/// The intervention closed or was transferred: its open deadline stops, so no reminder or escalation follows, and its
/// follow-up series is marked stopped, so a ScheduleFollowUps consumed after this (another queue) schedules nothing.
/// </summary>
public sealed class StopFollowUpsConsumer(FollowUpsDbContext db, TimeProvider time) : IConsumer<StopFollowUps>
{
    public async Task Consume(ConsumeContext<StopFollowUps> context)
    {
        var command = context.Message;
        var now = time.GetUtcNow();
        var series = await db.FollowUpSeriesOfAsync(command.InterventionReferralId, command.ReferralId, context.CancellationToken);
        series.Stop(command.ReferralId);
        var open = await db.Deadlines
            .Where(d => d.InterventionReferralId == command.InterventionReferralId && FollowUpQueries.OpenStates.Contains(d.State))
            .ToListAsync(context.CancellationToken);
        foreach (var deadline in open)
        {
            deadline.Stop(now);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
