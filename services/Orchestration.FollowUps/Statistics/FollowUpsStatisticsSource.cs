using Microsoft.EntityFrameworkCore;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.FollowUps.Statistics;

/// <summary>
/// Follow-ups due in the window, per district and month of the due date: recorded on time (on or before the due
/// date), recorded late, or still open past it (overdue). Stopped ones (the intervention ended) and those not yet due
/// are not counted. Escalations to coordinators are counted by the month they went out.
/// </summary>
internal sealed class FollowUpsStatisticsSource(FollowUpsDbContext db, TimeProvider time) : IStatisticsSource
{
    public const string FollowUps = "followUps";
    public const string Escalations = "escalations";
    public const string OnTime = "onTime";
    public const string Late = "late";
    public const string Overdue = "overdue";

    public string Module => FollowUpsModule.Name;

    public async Task<IReadOnlyList<StatisticsCount>> CountAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        var (from, to) = (window.From, window.To);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var deadlines = await db.Deadlines.AsNoTracking()
            .Where(d => window.District == null || d.District == window.District)
            .Where(d => d.DueOn >= from && d.DueOn < to && d.State != DeadlineState.Stopped)
            .Select(d => new { d.District, d.DueOn, d.State, d.ClosedAt })
            .ToListAsync(cancellationToken);
        var followUps = deadlines
            .Select(d => (d.District, d.DueOn, Category: d.State == DeadlineState.Completed
                ? DateOnly.FromDateTime(d.ClosedAt!.Value.UtcDateTime) <= d.DueOn ? OnTime : Late
                : d.DueOn < today ? Overdue : null))
            .Where(d => d.Category is not null)
            .GroupBy(d => (Period: window.PeriodOf(d.DueOn), d.District, d.Category))
            .Select(g => new StatisticsCount(FollowUps, g.Key.Period, g.Key.District, g.Count()) { Category = g.Key.Category });

        var (start, end) = (window.Start, window.End);
        var escalations = await db.Deadlines.AsNoTracking()
            .Where(d => window.District == null || d.District == window.District)
            .SelectMany(d => d.Notices.Where(n => n.Kind == NoticeKind.Escalation && n.IssuedAt >= start && n.IssuedAt < end),
                (d, n) => new { d.District, n.IssuedAt })
            .ToListAsync(cancellationToken);
        var escalated = escalations.GroupBy(e => (Period: window.PeriodOf(e.IssuedAt), e.District))
            .Select(g => new StatisticsCount(Escalations, g.Key.Period, g.Key.District, g.Count()));
        return [.. followUps, .. escalated];
    }
}
