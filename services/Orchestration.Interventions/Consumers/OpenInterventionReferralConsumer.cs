using System.Security.Claims;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Consumers;

/// <summary>
/// Opens an intervention referral in the person's district and publishes InterventionReferralOpened, once: a
/// redelivered message is dropped by the inbox (registered in InterventionsModule), and a second command for a referral that already has an open
/// intervention referral changes nothing.
/// </summary>
public sealed class OpenInterventionReferralConsumer(InterventionsDbContext db, TimeProvider time, ILogger<OpenInterventionReferralConsumer> logger)
    : IConsumer<OpenInterventionReferral>
{
    private static readonly ClaimsPrincipal Messaging = MessageActor.For(nameof(OpenInterventionReferral));

    public async Task Consume(ConsumeContext<OpenInterventionReferral> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var district = command.District?.Trim().ToLowerInvariant();
        if (command.ReferralId == Guid.Empty || command.PersonId == Guid.Empty || string.IsNullOrEmpty(district))
        {
            // A malformed command goes to the error queue with this reason instead of vanishing.
            throw new InvalidOperationException($"{nameof(OpenInterventionReferral)} needs a ReferralId, a PersonId and a District.");
        }

        var now = time.GetUtcNow();

        if (await db.Referrals.AnyAsync(r => r.ReferralId == command.ReferralId && r.State != ReferralState.Closed, cancellationToken))
        {
            logger.LogInformation("Referral {ReferralId} already has an open intervention referral; the command changes nothing", command.ReferralId);
            return;
        }

        var referral = InterventionReferral.Open(command.ReferralId, command.PersonId, district, now);
        db.Referrals.Add(referral);
        db.Stage(new InterventionReferralOpened(referral.ReferralId, referral.Id, district, now), now);
        db.Audit(Messaging, AuditAction.Created, nameof(InterventionReferral), referral.Id, district, now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Opened intervention referral {InterventionReferralId} for referral {ReferralId}", referral.Id, referral.ReferralId);
    }
}
