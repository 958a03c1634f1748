using System.Security.Claims;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Consumers;

/// <summary>
/// The case closed: every open Jobbtorg and Jobbtorg Resurs referral of it closes with the case's outcome, one
/// JobbtorgReferralClosed each (running interventions are broken off). Closed and re-referred ones stay as they are,
/// so a repeated command announces nothing again; a redelivery is dropped by the inbox (JobbtorgModule).
/// </summary>
public sealed class CloseJobbtorgReferralConsumer(JobbtorgDbContext db, TimeProvider time, ILogger<CloseJobbtorgReferralConsumer> logger)
    : IConsumer<CloseJobbtorgReferral>
{
    private static readonly ClaimsPrincipal Messaging = MessageActor.For(nameof(CloseJobbtorgReferral));

    public async Task Consume(ConsumeContext<CloseJobbtorgReferral> context)
    {
        var command = context.Message;
        if (command.ReferralId == Guid.Empty || !Enum.IsDefined(command.Outcome))
        {
            // A malformed command goes to the error queue with this reason instead of vanishing.
            throw new InvalidOperationException($"{nameof(CloseJobbtorgReferral)} needs a ReferralId and a known Outcome.");
        }

        var open = await db.ReferralsWithParts().Where(r => r.ReferralId == command.ReferralId).Where(JobbtorgReferral.IsOpenExpression)
            .ToListAsync(context.CancellationToken);
        var now = time.GetUtcNow();
        foreach (var referral in open)
        {
            referral.CloseWithCase(command.Outcome, now, Messaging.UserName());
            referral.NewVersion();
            ReferralChanges.StageAndAudit(db, referral, Messaging, now);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Closed {Count} Jobbtorg referral(s) of referral {ReferralId} with {Outcome}", open.Count, command.ReferralId, command.Outcome);
    }
}
