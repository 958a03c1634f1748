using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FollowUps.Consumers;

/// <summary>
/// A follow-up was recorded: the open deadline is completed and the next one scheduled an interval after the day it
/// was recorded. An intervention without an open deadline (never scheduled, or stopped) gets none.
/// </summary>
public sealed class InterventionFollowUpRecordedConsumer(FollowUpsDbContext db, SwedishWorkingDays calendar, IOptions<FollowUpsOptions> options, TimeProvider time)
    : IConsumer<InterventionFollowUpRecorded>
{
    public async Task Consume(ConsumeContext<InterventionFollowUpRecorded> context)
    {
        var recorded = context.Message;
        var now = time.GetUtcNow();
        var open = await db.Deadlines.SingleOrDefaultAsync(
            d => d.InterventionReferralId == recorded.InterventionReferralId && FollowUpQueries.OpenStates.Contains(d.State), context.CancellationToken);
        if (open is not null && open.Complete(recorded.FollowUpId, now) is null)
        {
            var timing = options.Value.Timing();
            var next = open.Next(timing.Today(recorded.RecordedAt), calendar, timing, now);
            db.Deadlines.Add(next);
            db.Stage(FollowUpQueries.Scheduled(next, now), now);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
