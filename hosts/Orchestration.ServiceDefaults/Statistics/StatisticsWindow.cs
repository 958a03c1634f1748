namespace Orchestration.ServiceDefaults.Statistics;

/// <summary>
/// The days a statistics query covers, [<see cref="From"/>, <see cref="To"/>), cut into periods of
/// <see cref="Length"/>, and the one district asked for (null: all). Sources count per period, so a count of
/// distinct places or persons stays distinct within the period asked for.
/// </summary>
public sealed record StatisticsWindow(DateOnly From, DateOnly To, string? District, PeriodLength Length = PeriodLength.Month)
{
    /// <summary>Midnight UTC of <see cref="From"/>, for queries on stored instants.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Midnight UTC of <see cref="To"/> (excluded).</summary>
    public DateTimeOffset End => new(To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool Contains(DateOnly day) => day >= From && day < To;

    public bool Contains(DateTimeOffset at) => Contains(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>The first day of the period <paramref name="day"/> falls in (calendar month, quarter or year; the window's first day for Whole).</summary>
    public DateOnly PeriodOf(DateOnly day) => Length switch
    {
        PeriodLength.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodLength.Quarter => new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1),
        PeriodLength.Year => new DateOnly(day.Year, 1, 1),
        _ => From,
    };

    public DateOnly PeriodOf(DateTimeOffset at) => PeriodOf(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>The periods that overlap the window, each with the days of it inside the window, [Start, End).</summary>
    public IEnumerable<(DateOnly Period, DateOnly Start, DateOnly End)> Periods()
    {
        for (var period = PeriodOf(From); period < To; period = Next(period))
        {
            var start = period < From ? From : period;
            var end = Next(period) > To ? To : Next(period);
            yield return (period, start, end);
        }
    }

    private DateOnly Next(DateOnly period) => Length switch
    {
        PeriodLength.Month => period.AddMonths(1),
        PeriodLength.Quarter => period.AddMonths(3),
        PeriodLength.Year => period.AddYears(1),
        _ => To,
    };
}
