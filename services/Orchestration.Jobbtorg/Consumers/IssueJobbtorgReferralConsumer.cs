using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.Jobbtorg.Consumers;

/// <summary>
/// Opens Jobbtorg's record of a referral and announces it. A redelivered command is dropped by the inbox (registered in JobbtorgModule); a new
/// command for a referral and unit that is still open adds nothing, since the person is already with Jobbtorg, except that a record opened
/// for the FIA part alone (RequestFiaJobPart) becomes the referral and is announced then.
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

        var open = await db.Referrals.Where(r => r.ReferralId == command.ReferralId && r.Unit == command.Unit).Where(JobbtorgReferral.IsOpenExpression)
            .FirstOrDefaultAsync(context.CancellationToken);
        if (open is not null)
        {
            // A record opened for the FIA part alone becomes the referral; any other open one already is.
            if (open.ReferAgain(command.IssuedAt, now))
            {
                open.NewVersion();
                db.StageAnnouncements(open, now);
                await db.SaveChangesAsync(context.CancellationToken);
            }

            logger.LogInformation("Referral {ReferralId} already has an open {Unit} referral {JobbtorgReferralId}; no new record", command.ReferralId,
                command.Unit, open.Id);
            return;
        }

        var referral = JobbtorgReferral.Receive(command.ReferralId, command.PersonId, command.District.Trim().ToLowerInvariant(), command.Unit,
            command.IssuedAt, now);
        db.Referrals.Add(referral);
        db.StageAnnouncements(referral, now);
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Jobbtorg referral {JobbtorgReferralId} received for referral {ReferralId} ({Unit})", referral.Id, referral.ReferralId, referral.Unit);
    }

}
