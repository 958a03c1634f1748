using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.Jobbtorg.Consumers;

/// <summary>
/// Opens Jobbtorg's record of a referral and announces it. A redelivered command is dropped by the inbox (registered in JobbtorgModule); a new
/// command for a referral and unit that is still open adds nothing, since the person is already with Jobbtorg.
/// </summary>
public sealed class IssueJobbtorgReferralConsumer(JobbtorgDbContext db, TimeProvider time, ILogger<IssueJobbtorgReferralConsumer> logger)
    : IConsumer<IssueJobbtorgReferral>
{
    public async Task Consume(ConsumeContext<IssueJobbtorgReferral> context)
    {
        var command = context.Message;
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(command.District) || !Enum.IsDefined(command.Unit))
        {
            // A malformed command goes to the error queue with this reason instead of being dropped.
            throw new InvalidOperationException($"IssueJobbtorgReferral for referral {command.ReferralId} has no district or an unknown unit.");
        }

        var open = await db.Referrals.AnyAsync(r => r.ReferralId == command.ReferralId && r.Unit == command.Unit && r.Status != ReferralStatus.ReReferred,
            context.CancellationToken);
        if (open)
        {
            logger.LogInformation("Referral {ReferralId} already has an open {Unit} referral; nothing added", command.ReferralId, command.Unit);
            return;
        }

        var referral = new JobbtorgReferral
        {
            Id = Guid.NewGuid(),
            ReferralId = command.ReferralId,
            PersonId = command.PersonId,
            District = command.District.Trim().ToLowerInvariant(),
            Unit = command.Unit,
            IssuedAt = command.IssuedAt,
            ReceivedAt = now,
            Status = ReferralStatus.Received,
        };
        db.Referrals.Add(referral);
        db.Stage(new JobbtorgReferralReceived(referral.ReferralId, referral.Id, referral.District, referral.Unit, now), now);
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Jobbtorg referral {JobbtorgReferralId} received for referral {ReferralId} ({Unit})", referral.Id, referral.ReferralId, referral.Unit);
    }
}
