using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.Jobbtorg.Statistics;

/// <summary>
/// Re-referrals to the districts, counted where their reasons are kept (per referring district and reason code), and
/// Jobbtorg interventions started per kind, "parallel" when another of the same person's was running at the start.
/// </summary>
internal sealed class JobbtorgStatisticsSource(JobbtorgDbContext db) : IStatisticsSource
{
    public const string ReReferrals = "reReferrals";
    public const string InterventionsStarted = "jobbtorgInterventionsStarted";
    public const string Parallel = "parallel";
    public const string Single = "single";

    public string Module => JobbtorgModule.Name;

    public async Task<IReadOnlyList<StatisticsCount>> CountAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        var (start, end) = (window.Start, window.End);
        var rows = await db.ReReferrals.AsNoTracking()
            .Where(r => window.District == null || r.District == window.District)
            .Where(r => r.ReReferredAt >= start && r.ReReferredAt < end)
            .Select(r => new { r.District, r.ReasonCode, r.ReReferredAt })
            .ToListAsync(cancellationToken);
        var reReferrals = rows.GroupBy(r => (Period: window.PeriodOf(r.ReReferredAt), r.District, r.ReasonCode))
            .Select(g => new StatisticsCount(ReReferrals, g.Key.Period, g.Key.District, g.Count()) { Category = g.Key.ReasonCode });
        return [.. reReferrals, .. await CountStartedAsync(window, cancellationToken)];
    }

    private async Task<IEnumerable<StatisticsCount>> CountStartedAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        var (start, end) = (window.Start, window.End);
        var running = await db.Interventions.AsNoTracking()
            .Where(i => i.StartedAt != null && i.StartedAt < end && (i.EndedAt == null || i.EndedAt >= start))
            .Join(db.Referrals.Where(r => window.District == null || r.District == window.District), i => i.JobbtorgReferralId, r => r.Id,
                (i, r) => new { i.Id, i.Kind, StartedAt = i.StartedAt!.Value, i.EndedAt, r.PersonId, r.District })
            .ToListAsync(cancellationToken);
        return running.Where(i => window.Contains(i.StartedAt))
            .GroupBy(i => (Period: window.PeriodOf(i.StartedAt), i.District, i.Kind,
                Category: running.Any(o => o.PersonId == i.PersonId && o.Id != i.Id && (o.StartedAt < i.StartedAt || (o.StartedAt == i.StartedAt && o.Id.CompareTo(i.Id) < 0)) && (o.EndedAt == null || o.EndedAt > i.StartedAt))
                    ? Parallel : Single))
            .Select(g => new StatisticsCount(InterventionsStarted, g.Key.Period, g.Key.District, g.Count()) { Category = g.Key.Category, Intervention = g.Key.Kind });
    }
}
