using MassTransit;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.FollowUps.Persistence;

namespace Orchestration.FollowUps.Consumers;

/// <summary>The intervention closed or was transferred: its open deadline stops, so no reminder or escalation follows.</summary>
public sealed class StopFollowUpsConsumer(FollowUpsDbContext db, TimeProvider time) : IConsumer<StopFollowUps>
{
    public async Task Consume(ConsumeContext<StopFollowUps> context)
    {
        var now = time.GetUtcNow();
        var open = await db.Deadlines
            .Where(d => d.InterventionReferralId == context.Message.InterventionReferralId && FollowUpQueries.OpenStates.Contains(d.State))
            .ToListAsync(context.CancellationToken);
        foreach (var deadline in open)
        {
            deadline.Stop(now);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
