using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.Jobbtorg.Statistics;

/// <summary>Re-referrals to the districts, counted where their reasons are kept: per referring district and reason code.</summary>
internal sealed class JobbtorgStatisticsSource(JobbtorgDbContext db) : IStatisticsSource
{
    public const string ReReferrals = "reReferrals";

    public string Module => JobbtorgModule.Name;

    public async Task<IReadOnlyList<StatisticsCount>> CountAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        var (start, end) = (window.Start, window.End);
        var rows = await db.ReReferrals.AsNoTracking()
            .Where(r => window.District == null || r.District == window.District)
            .Where(r => r.ReReferredAt >= start && r.ReReferredAt < end)
            .Select(r => new { r.District, r.ReasonCode, r.ReReferredAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (Month: StatisticsWindow.MonthOf(r.ReReferredAt), r.District, r.ReasonCode))
            .Select(g => new StatisticsCount(ReReferrals, g.Key.Month, g.Key.District, g.Count()) { Category = g.Key.ReasonCode })
            .ToList();
    }
}
