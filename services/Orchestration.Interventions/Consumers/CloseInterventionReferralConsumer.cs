using System.Security.Claims;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Endpoints.Referrals;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Consumers;

/// <summary>
/// Closes a district-intervention referral with the process's outcome: after the Resurs intake ends the overlap
/// (ToJobbtorg), or because the case closed. Without an InterventionReferralId every open one of the case closes. A
/// closed one stays as it is and announces nothing again; a redelivery is dropped by the inbox (InterventionsModule).
/// </summary>
public sealed class CloseInterventionReferralConsumer(InterventionsDbContext db, TimeProvider time, ILogger<CloseInterventionReferralConsumer> logger)
    : IConsumer<CloseInterventionReferral>
{
    private static readonly ClaimsPrincipal Messaging = MessageActor.For(nameof(CloseInterventionReferral));

    public async Task Consume(ConsumeContext<CloseInterventionReferral> context)
    {
        var command = context.Message;
        if (command.ReferralId == Guid.Empty || !Enum.IsDefined(command.Outcome))
        {
            // A malformed command goes to the error queue with this reason instead of vanishing.
            throw new InvalidOperationException($"{nameof(CloseInterventionReferral)} needs a ReferralId and a known Outcome.");
        }

        var open = await db.Referrals
            .Where(r => r.ReferralId == command.ReferralId && r.State != ReferralState.Closed)
            .Where(r => command.InterventionReferralId == null || r.Id == command.InterventionReferralId)
            .ToListAsync(context.CancellationToken);
        var now = time.GetUtcNow();
        foreach (var referral in open)
        {
            referral.Close(command.Outcome, ReferralChanges.Today(now), null, now, Messaging.UserName());
            referral.NewVersion();
            ReferralChanges.StageAndAudit(db, referral, Messaging, now);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Closed {Count} intervention referral(s) of referral {ReferralId} with {Outcome}", open.Count, command.ReferralId, command.Outcome);
    }
}
