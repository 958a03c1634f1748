using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.CaseTimeline;

namespace Orchestration.FinancialAid.CaseTimeline;

/// <summary>
/// Financial aid's part of a referral's timeline: the application, the instruments, support obstacles, consents, aid and
/// route decisions, re-referrals received, the FIA job part request, the responsible social secretary and the closure.
/// Codes and dates only: answers, reasons, the individual's view and notes stay in the module.
/// </summary>
internal sealed class FinancialAidCaseTimelineSource(FinancialAidDbContext db, TimeProvider time) : ICaseTimelineSource
{
    public string Module => FinancialAidModule.Name;

    public async Task<CaseTimelinePart?> ReadAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var a = await FinancialAidCases.Load(db).AsNoTracking().FirstOrDefaultAsync(x => x.Id == referralId, cancellationToken);
        if (a is null)
        {
            return null;
        }

        List<CaseTimelineEntry> entries = [Entry(a.RegisteredAt, "ApplicationRegistered", a.RegisteredBy)];
        entries.AddRange(a.Instruments.Select(i => Entry(i.RecordedAt, $"{i.Instrument}Recorded", i.RecordedBy)));
        entries.AddRange(a.SupportObstacles.Select(o => Entry(o.RecordedAt, "SupportObstacleRecorded", o.RecordedBy, ("category", o.Category.ToString()))));
        entries.AddRange(a.Consents.Select(c => Entry(c.RecordedAt, "ConsentRecorded", c.RecordedBy,
            ("scope", c.Scope.ToString()), ("givenOn", c.GivenOn.ToString("O")), ("validUntil", c.ValidUntil?.ToString("O")))));
        entries.AddRange(a.Consents.Where(c => c.WithdrawnAt is not null)
            .Select(c => Entry(c.WithdrawnAt!.Value, "ConsentWithdrawn", c.WithdrawnBy, ("scope", c.Scope.ToString()))));
        entries.AddRange(a.AidDecisions.Select(d => Entry(d.DecidedAt, "AidDecisionMade", d.DecidedBy,
            ("validFrom", d.ValidFrom.ToString("O")), ("validTo", d.ValidTo.ToString("O")))));
        entries.AddRange(a.ReReferrals.Select(r => Entry(r.ReceivedAt, "ReReferralReceived", "Jobbtorg") with { RecordId = r.Id.ToString() }));
        foreach (var d in a.RouteDecisions)
        {
            var decided = Entry(d.DecidedAt, "RouteDecided", d.DecidedBy, ("routes", string.Join(",", d.Routes)),
                ("otherRoutes", d.OtherRoutes.Count == 0 ? null : string.Join(",", d.OtherRoutes)), ("fiaCompleted", d.FiaCompleted ? "true" : "false"));
            entries.Add(decided with { RecordId = d.Id.ToString() });
        }

        if (a.FiaJobPartRequestedAt is { } requested)
        {
            entries.Add(Entry(requested, "FiaJobPartRequested", null));
        }

        if (a.ResponsibleSince > a.RegisteredAt)
        {
            entries.Add(Entry(a.ResponsibleSince, "ResponsibleAssigned", null, ("socialSecretary", a.ResponsibleSocialSecretary)));
        }

        if (a.ClosedAt is { } closedAt)
        {
            entries.Add(Entry(closedAt, "CaseClosed", a.ClosedBy, ("outcome", a.Outcome?.ToString())));
        }

        return new CaseTimelinePart(a.District, entries);
    }

    public async Task AuditReadAsync(Guid referralId, string district, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        db.Audit(reader, AuditAction.Read, nameof(AidApplication), referralId, district, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private CaseTimelineEntry Entry(DateTimeOffset at, string kind, string? actor, params (string Key, string? Value)[] details) =>
        CaseTimelineEntry.Of(at, Module, kind, actor, details);
}
