using System.Globalization;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.Statistics.Domain;

/// <summary>
/// Sums the modules' counts (already per period) over the dimensions not asked for, then suppresses small counts. The
/// measure and its category always stay apart.
/// </summary>
public static class FigureTable
{
    public static IReadOnlyList<Figure> Build(IEnumerable<StatisticsCount> counts, PeriodLength period, IReadOnlySet<Dimension> dimensions, int suppressBelow)
    {
        string? Keep(Dimension dimension, string? value) => dimensions.Contains(dimension) ? value : null;

        return counts
            .GroupBy(c => new
            {
                c.Measure,
                c.Category,
                Period = Label(c.Period, period),
                District = Keep(Dimension.District, c.District),
                Intervention = Keep(Dimension.Intervention, c.Intervention),
                Provider = Keep(Dimension.Provider, c.Provider),
                Gender = Keep(Dimension.Gender, c.Gender),
                AgeBand = Keep(Dimension.AgeBand, c.AgeBand),
            })
            .Select(g =>
            {
                var count = g.Sum(c => c.Count);
                var costs = g.Where(c => c.Cost is not null).ToList();
                var suppressed = count > 0 && count < suppressBelow;
                return new Figure(g.Key.Measure, g.Key.Category, g.Key.Period, g.Key.District, g.Key.Intervention, g.Key.Provider, g.Key.Gender, g.Key.AgeBand,
                    suppressed ? null : count, suppressed || costs.Count == 0 ? null : costs.Sum(c => c.Cost!.Value), suppressed);
            })
            .Where(f => f.Suppressed || f.Count > 0)
            .OrderBy(f => f.Measure, StringComparer.Ordinal).ThenBy(f => f.Period, StringComparer.Ordinal)
            .ThenBy(f => f.District, StringComparer.Ordinal).ThenBy(f => f.Intervention, StringComparer.Ordinal)
            .ThenBy(f => f.Provider, StringComparer.Ordinal).ThenBy(f => f.Gender, StringComparer.Ordinal)
            .ThenBy(f => f.AgeBand, StringComparer.Ordinal).ThenBy(f => f.Category, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"2026-03", "2026-Q1", "2026", or the window's first day (yyyy-MM-dd) for <see cref="PeriodLength.Whole"/>.</summary>
    public static string Label(DateOnly periodStart, PeriodLength period) => period switch
    {
        PeriodLength.Month => periodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodLength.Quarter => $"{periodStart.Year}-Q{((periodStart.Month - 1) / 3) + 1}",
        PeriodLength.Year => periodStart.Year.ToString(CultureInfo.InvariantCulture),
        _ => periodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
