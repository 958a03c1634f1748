using MassTransit;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FinancialAid.Consumers;

/// <summary>
/// Puts Jobbtorg's re-referral on the district's case, where it waits for a new route decision. The inbox row, the
/// re-referral and ReReferralReceived commit together; a redelivery changes nothing, nor does a re-referral of a
/// closed case. A re-referral for an unknown referral is a bad message: it fails, retries and lands in the error
/// queue. The inbox is in front of it (see FinancialAidModule).
/// </summary>
public sealed class ReceiveReReferralConsumer(FinancialAidDbContext db, TimeProvider time) : IConsumer<ReceiveReReferral>
{
    public async Task Consume(ConsumeContext<ReceiveReReferral> context)
    {
        var command = context.Message;
        var now = time.GetUtcNow();
        // Only what the rule reads (closed? this re-referral already on the case?): one query instead of the whole case's seven.
        var application = await db.Applications.Include(a => a.ReReferrals).FirstOrDefaultAsync(a => a.Id == command.ReferralId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Re-referral {command.ReReferralId} names referral {command.ReferralId}, which this district does not have.");
        if (application.ReceiveReReferral(command.ReReferralId, command.ReReferredAt, now))
        {
            db.Stage(new ReReferralReceived(application.Id, command.ReReferralId, application.District, now), now);
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
