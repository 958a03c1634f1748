using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.FinancialAid.Statistics;

/// <summary>
/// Referrals (applications registered) and closures by outcome, per district, gender and age band: the gender and
/// birth year kept on the application at registration leave this module only as counts.
/// </summary>
internal sealed class FinancialAidStatisticsSource(FinancialAidDbContext db) : IStatisticsSource
{
    public const string Referrals = "referrals";
    public const string Closures = "closures";

    public string Module => FinancialAidModule.Name;

    public async Task<IReadOnlyList<StatisticsCount>> CountAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        var (start, end) = (window.Start, window.End);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => window.District == null || a.District == window.District)
            .Where(a => (a.RegisteredAt >= start && a.RegisteredAt < end) || (a.ClosedAt >= start && a.ClosedAt < end))
            .Select(a => new { a.District, a.RegisteredAt, a.ClosedAt, a.Outcome, a.Gender, a.BirthYear })
            .ToListAsync(cancellationToken);

        var referrals = rows.Where(r => window.Contains(r.RegisteredAt))
            .GroupBy(r => (Period: window.PeriodOf(r.RegisteredAt), r.District, Gender: r.Gender?.ToString(), AgeBand: Band(r.BirthYear, r.RegisteredAt)))
            .Select(g => new StatisticsCount(Referrals, g.Key.Period, g.Key.District, g.Count()) { Gender = g.Key.Gender, AgeBand = g.Key.AgeBand });
        var closures = rows.Where(r => r.ClosedAt is { } closed && window.Contains(closed))
            .GroupBy(r => (Period: window.PeriodOf(r.ClosedAt!.Value), r.District, Outcome: r.Outcome?.ToString(), Gender: r.Gender?.ToString(),
                AgeBand: Band(r.BirthYear, r.RegisteredAt)))
            .Select(g => new StatisticsCount(Closures, g.Key.Period, g.Key.District, g.Count())
            {
                Category = g.Key.Outcome,
                Gender = g.Key.Gender,
                AgeBand = g.Key.AgeBand,
            });
        return [.. referrals, .. closures];
    }

    /// <summary>The age band at registration, by birth year only (the statistics keep no birth date).</summary>
    private static string? Band(int? birthYear, DateTimeOffset registeredAt) =>
        birthYear is { } year ? AgeBands.Of(registeredAt.UtcDateTime.Year - year) : null;
}
