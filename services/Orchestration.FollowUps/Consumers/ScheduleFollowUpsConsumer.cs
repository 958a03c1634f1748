using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FollowUps.Consumers;

/// <summary>
/// Schedules the first follow-up of a started intervention (its intervals from the command, else the defaults), for the
/// social secretary the command names, else the one financial aid made responsible for the case (ResponsibleSocialSecretaryAssigned).
/// Once: a redelivery is dropped by the inbox, and an intervention with an open deadline keeps it. Nothing is scheduled
/// for a closed case or a stopped intervention: the closure's CaseClosed and the process's StopFollowUps travel through
/// other queues and may be consumed before this command (see <see cref="FollowUpSeries"/>).
/// </summary>
public sealed class ScheduleFollowUpsConsumer(
    FollowUpsDbContext db, SwedishWorkingDays calendar, IOptions<FollowUpsOptions> options, TimeProvider time, ILogger<ScheduleFollowUpsConsumer> logger)
    : IConsumer<ScheduleFollowUps>
{
    public async Task Consume(ConsumeContext<ScheduleFollowUps> context)
    {
        var command = context.Message;
        var settings = options.Value;
        var district = command.District?.Trim().ToLowerInvariant();
        if (command.ReferralId == Guid.Empty || command.InterventionReferralId == Guid.Empty || string.IsNullOrEmpty(district)
            || !IsoPeriod.TryParse(Or(command.FirstAfter, settings.FirstAfter), out var firstAfter)
            || !IsoPeriod.TryParse(Or(command.Interval, settings.Interval), out var interval))
        {
            // To the error queue with the reason, rather than a deadline nobody can trust.
            throw new InvalidOperationException($"{nameof(ScheduleFollowUps)} needs ids, a District and ISO 8601 periods (e.g. P1M) or none.");
        }

        var now = time.GetUtcNow();
        var progress = await db.FindOrStartAsync(command.ReferralId, null, now, district, context.CancellationToken);
        var series = await db.FollowUpSeriesOfAsync(command.InterventionReferralId, command.ReferralId, context.CancellationToken);
        if (progress.IsClosed || !series.TryStart(command.ReferralId))
        {
            logger.LogInformation("Follow-ups of intervention referral {InterventionReferralId} not scheduled: the {What} came first",
                command.InterventionReferralId, progress.IsClosed ? "case's closure" : "intervention's stop");
            return; // The inbox filter commits the inbox row.
        }

        // A closure saved meanwhile makes this save conflict, and the retry finds the case closed.
        progress.Touch();
        if (await db.Deadlines.AnyAsync(d => d.InterventionReferralId == command.InterventionReferralId && FollowUpQueries.OpenStates.Contains(d.State), context.CancellationToken))
        {
            return; // The intervention keeps its open deadline; the inbox filter commits the inbox row.
        }

        var timing = settings.Timing();
        var responsible = string.IsNullOrWhiteSpace(command.ResponsibleSocialSecretary)
            ? progress.ResponsibleSocialSecretary
            : command.ResponsibleSocialSecretary.Trim();
        var deadline = FollowUpDeadline.Schedule(command.ReferralId, command.InterventionReferralId, district, responsible ?? "",
            1, timing.Today(command.StartedAt), firstAfter, interval, calendar, timing, now);
        db.Deadlines.Add(deadline);
        db.Stage(FollowUpQueries.Scheduled(deadline, now), now);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
