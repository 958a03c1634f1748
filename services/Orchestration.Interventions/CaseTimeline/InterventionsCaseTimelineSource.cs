using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.CaseTimeline;

namespace Orchestration.Interventions.CaseTimeline;

/// <summary>
/// The district interventions' part of a referral's timeline, per intervention referral: opened, the intervention
/// chosen (catalogue name and provider), three-party talks, the assignment and plans written, the start (with whether
/// an aid decision was recorded), follow-ups (date and the readiness judgment; never the work-ability assessment, the
/// individual's view or notes), the transfer decision and the closure (its outcome, never its note).
/// </summary>
internal sealed class InterventionsCaseTimelineSource(InterventionsDbContext db, TimeProvider time) : ICaseTimelineSource
{
    public string Module => InterventionsModule.Name;

    public async Task<CaseTimelinePart?> ReadAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Talks).Include(r => r.FollowUps).AsSplitQuery()
            .Where(r => r.ReferralId == referralId).ToListAsync(cancellationToken);
        if (referrals.Count == 0)
        {
            return null;
        }

        return new CaseTimelinePart(referrals.OrderBy(r => r.OpenedAt).First().District, referrals.SelectMany(Entries).ToList());
    }

    public async Task AuditReadAsync(Guid referralId, string district, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        db.Audit(reader, AuditAction.Read, nameof(InterventionReferral), referralId, district, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<CaseTimelineEntry> Entries(InterventionReferral r)
    {
        yield return Entry(r, r.OpenedAt, "InterventionReferralOpened", null);
        if (r.ChosenAt is { } chosen)
        {
            yield return Entry(r, chosen, "InterventionChosen", r.ChosenBy,
                ("intervention", r.InterventionName), ("provider", r.ProviderDistrict), ("placeBought", r.PlaceBought ? "true" : "false"));
        }

        foreach (var talk in r.Talks)
        {
            yield return Entry(r, talk.RecordedAt, "ThreePartyTalkHeld", talk.RecordedBy, ("heldOn", talk.HeldOn.ToString("O")));
        }

        if (r.Assignment is { } assignment)
        {
            yield return Entry(r, assignment.WrittenAt, "AssignmentWritten", assignment.WrittenBy);
        }

        if (r.WorkPlan is { } workPlan)
        {
            yield return Entry(r, workPlan.WrittenAt, "WorkPlanWritten", workPlan.WrittenBy);
        }

        if (r.ImplementationPlan is { } plan)
        {
            yield return Entry(r, plan.WrittenAt, "ImplementationPlanWritten", plan.WrittenBy,
                ("plannedStartOn", plan.PlannedStartOn?.ToString("O")), ("plannedEndOn", plan.PlannedEndOn?.ToString("O")));
        }

        if (r.StartedAt is { } started)
        {
            yield return Entry(r, started, "InterventionStarted", r.StartedBy, ("startedOn", r.StartedOn?.ToString("O")),
                ("aidDecision", r.AidDecisionReference is null ? r.AidDecisionRequired ? "missing" : "notRequired" : "recorded"));
        }

        foreach (var followUp in r.FollowUps)
        {
            yield return Entry(r, followUp.RecordedAt, "InterventionFollowUpRecorded", followUp.RecordedBy,
                ("heldOn", followUp.HeldOn.ToString("O")), ("readyForJobbtorgResurs", followUp.ReadyForJobbtorgResurs ? "true" : "false"));
        }

        if (r.TransferDecidedAt is { } transfer)
        {
            yield return Entry(r, transfer, "TransferToResursDecided", r.TransferDecidedBy, ("decidedOn", r.TransferDecidedOn?.ToString("O")));
        }

        if (r.ClosedAt is { } closed)
        {
            yield return Entry(r, closed, "InterventionReferralClosed", r.ClosedBy, ("outcome", r.Outcome?.ToString()), ("closedOn", r.ClosedOn?.ToString("O")));
        }
    }

    private CaseTimelineEntry Entry(InterventionReferral r, DateTimeOffset at, string kind, string? actor, params (string Key, string? Value)[] details) =>
        CaseTimelineEntry.Of(at, Module, kind, actor, details) with { RecordId = r.Id.ToString() };
}
