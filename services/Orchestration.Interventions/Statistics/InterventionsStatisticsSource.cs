using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Statistics;

namespace Orchestration.Interventions.Statistics;

/// <summary>
/// District interventions started, transfers to Jobbtorg Resurs, closures by outcome, and the cost of the places held
/// up to today: price per place (a year) × the days held ÷ 365, split into own places and places bought from another
/// district. A referral holds one district intervention at a time, so parallel ones are Jobbtorg's to count.
/// </summary>
internal sealed class InterventionsStatisticsSource(InterventionsDbContext db, TimeProvider time) : IStatisticsSource
{
    public const string Started = "interventionsStarted";
    public const string TransfersToResurs = "transfersToResurs";
    public const string InterventionClosures = "interventionClosures";
    public const string Cost = "interventionCost";
    public const string Own = "own";
    public const string Purchased = "purchased";

    private const decimal DaysPerYear = 365m;

    public string Module => InterventionsModule.Name;

    public async Task<IReadOnlyList<StatisticsCount>> CountAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        var (from, to) = (window.From, window.To);
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => window.District == null || r.District == window.District)
            .Where(r => r.StartedOn != null && r.StartedOn < to && (r.ClosedOn == null || r.ClosedOn >= from))
            .Select(r => new
            {
                r.District,
                r.InterventionName,
                r.ProviderDistrict,
                r.PlaceBought,
                r.PricePerPlace,
                StartedOn = r.StartedOn!.Value,
                r.ClosedOn,
                r.TransferDecidedOn,
                r.Outcome,
            })
            .ToListAsync(cancellationToken);

        var started = rows.Where(r => window.Contains(r.StartedOn))
            .GroupBy(r => (Period: window.PeriodOf(r.StartedOn), r.District, r.InterventionName, r.ProviderDistrict, Kind: r.PlaceBought ? Purchased : Own))
            .Select(g => new StatisticsCount(Started, g.Key.Period, g.Key.District, g.Count())
            {
                Category = g.Key.Kind,
                Intervention = g.Key.InterventionName,
                Provider = g.Key.ProviderDistrict,
            });
        var transfers = rows.Where(r => r.TransferDecidedOn is { } on && window.Contains(on))
            .GroupBy(r => (Period: window.PeriodOf(r.TransferDecidedOn!.Value), r.District, r.InterventionName, r.ProviderDistrict))
            .Select(g => new StatisticsCount(TransfersToResurs, g.Key.Period, g.Key.District, g.Count())
            {
                Intervention = g.Key.InterventionName,
                Provider = g.Key.ProviderDistrict,
            });
        var closures = rows.Where(r => r.ClosedOn is { } on && window.Contains(on))
            .GroupBy(r => (Period: window.PeriodOf(r.ClosedOn!.Value), r.District, r.InterventionName, r.ProviderDistrict, Outcome: r.Outcome?.ToString()))
            .Select(g => new StatisticsCount(InterventionClosures, g.Key.Period, g.Key.District, g.Count())
            {
                Category = g.Key.Outcome,
                Intervention = g.Key.InterventionName,
                Provider = g.Key.ProviderDistrict,
            });
        // A place still held counts up to and including today, never into the future.
        var tomorrow = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);
        // Count: the places held at some time in the period, each once; cost: their days held in it.
        var costs = window.Periods()
            .SelectMany(p => rows.Where(r => r.PricePerPlace is not null)
                .Select(r => (p.Period, Row: r, Days: DaysHeld(r.StartedOn, r.ClosedOn ?? tomorrow, p.Start, p.End)))
                .Where(x => x.Days > 0))
            .GroupBy(x => (x.Period, x.Row.District, x.Row.InterventionName, x.Row.ProviderDistrict, Kind: x.Row.PlaceBought ? Purchased : Own))
            .Select(g => new StatisticsCount(Cost, g.Key.Period, g.Key.District, g.Count())
            {
                Category = g.Key.Kind,
                Intervention = g.Key.InterventionName,
                Provider = g.Key.ProviderDistrict,
                Cost = Math.Round(g.Sum(x => x.Row.PricePerPlace!.Value * x.Days / DaysPerYear), 0, MidpointRounding.AwayFromZero),
            });
        return [.. started, .. transfers, .. closures, .. costs];
    }

    /// <summary>The days of [start, end) on which the place was held: from the start day until <paramref name="heldUntil"/> (the closing day, excluded).</summary>
    internal static int DaysHeld(DateOnly startedOn, DateOnly heldUntil, DateOnly start, DateOnly end)
    {
        var first = startedOn > start ? startedOn : start;
        var last = heldUntil < end ? heldUntil : end;
        return Math.Max(0, last.DayNumber - first.DayNumber);
    }
}
