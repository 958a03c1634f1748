using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.CaseTimeline;

namespace Orchestration.Jobbtorg.CaseTimeline;

/// <summary>
/// Jobbtorg's part of a referral's timeline, per Jobbtorg (or Resurs) referral: received, intake (mapping part 2), FIA
/// job part, interventions booked, started and ended, the Resurs intake, the re-referral (its reason code, never its
/// text) and the closure (its outcome, never its note).
/// </summary>
internal sealed class JobbtorgCaseTimelineSource(JobbtorgDbContext db, TimeProvider time) : ICaseTimelineSource
{
    public string Module => JobbtorgModule.Name;

    public async Task<CaseTimelinePart?> ReadAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var referrals = await db.ReferralsWithParts().AsNoTracking().Where(r => r.ReferralId == referralId).ToListAsync(cancellationToken);
        if (referrals.Count == 0)
        {
            return null;
        }

        var entries = referrals.SelectMany(Entries).ToList();
        return new CaseTimelinePart(referrals.OrderBy(r => r.ReceivedAt).First().District, entries);
    }

    public async Task AuditReadAsync(Guid referralId, string district, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        db.Audit(reader, AuditAction.Read, nameof(JobbtorgReferral), referralId, district, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<CaseTimelineEntry> Entries(JobbtorgReferral r)
    {
        var unit = ("unit", (string?)r.Unit.ToString());
        yield return Entry(r, r.ReceivedAt, "JobbtorgReferralReceived", null, unit, ("fiaOnly", r.FiaOnly ? "true" : "false"));
        if (r.Intake is { } intake)
        {
            yield return Entry(r, intake.CompletedAt, "JobbtorgIntakeCompleted", intake.CompletedBy, unit);
        }

        if (r.FiaJobPart is { } fia)
        {
            yield return Entry(r, fia.CompletedAt, "FiaJobPartCompleted", fia.CompletedBy, unit);
        }

        foreach (var i in r.Interventions)
        {
            var kind = ("intervention", (string?)i.Kind);
            yield return Entry(r, i.BookedAt, "JobbtorgInterventionBooked", i.BookedBy, unit, kind, ("plannedStartOn", i.PlannedStartOn?.ToString("O")));
            if (i.StartedAt is { } started)
            {
                yield return Entry(r, started, "JobbtorgInterventionStarted", null, unit, kind);
            }

            if (i.EndedAt is { } ended)
            {
                yield return Entry(r, ended, "JobbtorgInterventionEnded", null, unit, kind, ("completed", i.Completed is { } done ? done ? "true" : "false" : null));
            }
        }

        if (r.ResursIntake is { } resurs)
        {
            yield return Entry(r, resurs.CompletedAt, "ResursIntakeCompleted", resurs.CompletedBy, unit, ("plannedTransferOn", resurs.PlannedTransferOn.ToString("O")));
        }

        if (r.ReReferral is { } reReferral)
        {
            yield return Entry(r, reReferral.ReReferredAt, "ReReferred", reReferral.ReReferredBy, unit, ("reason", reReferral.ReasonCode));
        }

        if (r.ClosedAt is { } closedAt)
        {
            yield return Entry(r, closedAt, "JobbtorgReferralClosed", r.ClosedBy, unit, ("outcome", r.Outcome?.ToString()));
        }
    }

    private CaseTimelineEntry Entry(JobbtorgReferral r, DateTimeOffset at, string kind, string? actor, params (string Key, string? Value)[] details) =>
        CaseTimelineEntry.Of(at, Module, kind, actor, details) with { RecordId = r.Id.ToString() };
}
