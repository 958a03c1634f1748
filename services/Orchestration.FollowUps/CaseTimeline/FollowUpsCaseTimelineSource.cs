using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Endpoints.Deadlines;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.CaseTimeline;

namespace Orchestration.FollowUps.CaseTimeline;

/// <summary>
/// The follow-ups' part of a referral's timeline, per deadline: scheduled (planned and due date, responsible social
/// secretary), reminders and escalations issued, dates moved (with the mover's reason, the one free text on the
/// timeline), and completed or stopped. A referral the module heard of without any deadline still tells its district.
/// </summary>
internal sealed class FollowUpsCaseTimelineSource(FollowUpsDbContext db, TimeProvider time) : ICaseTimelineSource
{
    public string Module => FollowUpsModule.Name;

    public async Task<CaseTimelinePart?> ReadAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var deadlines = await db.Deadlines.AsNoTracking().Include(d => d.Notices).Include(d => d.Moves).AsSplitQuery()
            .Where(d => d.ReferralId == referralId).ToListAsync(cancellationToken);
        var district = deadlines.OrderBy(d => d.CreatedAt).FirstOrDefault()?.District
            ?? await db.CaseProgress.AsNoTracking().Where(p => p.ReferralId == referralId).Select(p => p.District).FirstOrDefaultAsync(cancellationToken);
        return district is null ? null : new CaseTimelinePart(district, deadlines.OrderBy(d => d.Sequence).SelectMany(Entries).ToList());
    }

    public async Task AuditReadAsync(Guid referralId, string district, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        db.Audit(reader, AuditAction.Read, DeadlineLookup.CaseType, referralId, district, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<CaseTimelineEntry> Entries(FollowUpDeadline d)
    {
        var sequence = ("sequence", (string?)d.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The due date it was scheduled with: a later move is an entry of its own.
        var scheduledDue = d.Moves.OrderBy(m => m.MovedAt).FirstOrDefault()?.FromDueOn ?? d.DueOn;
        yield return Entry(d, d.CreatedAt, "FollowUpScheduled", null, sequence, ("kind", d.Kind.ToString()), ("plannedOn", d.PlannedOn.ToString("O")),
            ("dueOn", scheduledDue.ToString("O")), ("responsible", d.ResponsibleSocialSecretary));
        foreach (var notice in d.Notices)
        {
            yield return Entry(d, notice.IssuedAt, notice.Kind == NoticeKind.Escalation ? "FollowUpEscalated" : "FollowUpReminderIssued", null,
                sequence, ("dueOn", notice.DueOn.ToString("O")));
        }

        foreach (var move in d.Moves)
        {
            var moved = Entry(d, move.MovedAt, "FollowUpDateMoved", move.MovedBy, sequence,
                ("fromDueOn", move.FromDueOn.ToString("O")), ("toDueOn", move.ToDueOn.ToString("O")));
            yield return moved with { Reason = move.Reason };
        }

        if (d.ClosedAt is { } closed)
        {
            yield return Entry(d, closed, d.State == DeadlineState.Completed ? "FollowUpCompleted" : "FollowUpStopped", null, sequence);
        }
    }

    private CaseTimelineEntry Entry(FollowUpDeadline d, DateTimeOffset at, string kind, string? actor, params (string Key, string? Value)[] details) =>
        CaseTimelineEntry.Of(at, Module, kind, actor, details) with { RecordId = d.Id.ToString() };
}
