using MassTransit;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FinancialAid.Consumers;

/// <summary>
/// Puts Jobbtorg's re-referral on the district's case, where it waits for a new route decision. The inbox row, the
/// re-referral and ReReferralReceived commit together; a redelivery changes nothing. A re-referral for an unknown
/// referral is a bad message: it fails, retries and lands in the error queue. The inbox is in front of it (see
/// FinancialAidModule).
/// </summary>
public sealed class ReceiveReReferralConsumer(FinancialAidDbContext db, TimeProvider time) : IConsumer<ReceiveReReferral>
{
    public async Task Consume(ConsumeContext<ReceiveReReferral> context)
    {
        var command = context.Message;
        var now = time.GetUtcNow();
        var cancellationToken = context.CancellationToken;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == command.ReferralId, cancellationToken)
            ?? throw new InvalidOperationException($"Re-referral {command.ReReferralId} names referral {command.ReferralId}, which this district does not have.");
        if (await db.ReReferrals.AnyAsync(r => r.Id == command.ReReferralId, cancellationToken))
        {
            // The same re-referral sent again under another message id: already on the case.
            return;
        }

        db.ReReferrals.Add(new ReReferral { Id = command.ReReferralId, ApplicationId = application.Id, ReReferredAt = command.ReReferredAt, ReceivedAt = now });
        db.Stage(new ReReferralReceived(application.Id, command.ReReferralId, application.District, now), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
