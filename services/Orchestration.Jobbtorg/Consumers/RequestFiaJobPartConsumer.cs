using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;

namespace Orchestration.Jobbtorg.Consumers;

/// <summary>
/// The social secretary asks Jobbtorg for the FIA education/job part, at any stage. An open referral of the case
/// takes the request; without one, a record is opened for the FIA part alone, so the coach can record it at once.
/// A repeated request changes nothing; a redelivery is dropped by the inbox (JobbtorgModule).
/// </summary>
public sealed class RequestFiaJobPartConsumer(JobbtorgDbContext db, TimeProvider time, ILogger<RequestFiaJobPartConsumer> logger)
    : IConsumer<RequestFiaJobPart>
{
    public async Task Consume(ConsumeContext<RequestFiaJobPart> context)
    {
        var command = context.Message;
        var district = command.District?.Trim().ToLowerInvariant();
        if (command.ReferralId == Guid.Empty || command.PersonId == Guid.Empty || string.IsNullOrEmpty(district))
        {
            // A malformed command goes to the error queue with this reason instead of vanishing.
            throw new InvalidOperationException($"{nameof(RequestFiaJobPart)} needs a ReferralId, a PersonId and a District.");
        }

        // Jobbtorg's own referral first (the FIA part is Jobbtorg's), then a Resurs one.
        var open = await db.Referrals.Where(r => r.ReferralId == command.ReferralId).Where(JobbtorgReferral.IsOpenExpression)
            .OrderBy(r => r.Unit == Contracts.Referrals.JobbtorgUnit.Jobbtorg ? 0 : 1)
            .FirstOrDefaultAsync(context.CancellationToken);
        if (open is not null)
        {
            if (open.RequestFiaJobPart(command.RequestedAt))
            {
                open.NewVersion();
            }

            logger.LogInformation("FIA job part requested on Jobbtorg referral {JobbtorgReferralId} of referral {ReferralId}", open.Id, command.ReferralId);
        }
        else
        {
            var opened = JobbtorgReferral.OpenForFia(command.ReferralId, command.PersonId, district, command.RequestedAt, time.GetUtcNow());
            db.Referrals.Add(opened);
            logger.LogInformation("Jobbtorg referral {JobbtorgReferralId} opened for the FIA job part of referral {ReferralId}", opened.Id, command.ReferralId);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
