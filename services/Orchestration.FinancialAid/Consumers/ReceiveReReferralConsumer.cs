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
/// re-referral and ReReferralReceived commit together; a redelivery changes nothing, nor does a re-referral of a
/// closed case. A re-referral for an unknown referral is a bad message: it fails, retries and lands in the error
/// queue. The inbox is in front of it (see FinancialAidModule).
/// </summary>
public sealed class ReceiveReReferralConsumer(FinancialAidDbContext db, TimeProvider time) : IConsumer<ReceiveReReferral>
{
    // Only what the rule reads (closed? this re-referral already on the case?): one query instead of the whole case's
    // seven. Compiled once: a LINQ query is otherwise parameterized, hashed and looked up in the query cache per message.
    private static readonly Func<FinancialAidDbContext, Guid, CancellationToken, Task<AidApplication?>> LoadWithReReferrals =
        EF.CompileAsyncQuery((FinancialAidDbContext db, Guid referralId, CancellationToken _) =>
            db.Applications.Include(a => a.ReReferrals).FirstOrDefault(a => a.Id == referralId));

    public async Task Consume(ConsumeContext<ReceiveReReferral> context)
    {
        var command = context.Message;
        var now = time.GetUtcNow();
        var application = await LoadWithReReferrals(db, command.ReferralId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Re-referral {command.ReReferralId} names referral {command.ReferralId}, which this district does not have.");
        if (application.ReceiveReReferral(command.ReReferralId, command.ReReferredAt, now))
        {
            db.Stage(new ReReferralReceived(application.Id, command.ReReferralId, application.District, now), now);
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
