namespace Orchestration.ServiceDefaults.Statistics;

/// <summary>The days a statistics query covers, [<see cref="From"/>, <see cref="To"/>), and the one district asked for (null: all).</summary>
public sealed record StatisticsWindow(DateOnly From, DateOnly To, string? District)
{
    /// <summary>Midnight UTC of <see cref="From"/>, for queries on stored instants.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Midnight UTC of <see cref="To"/> (excluded).</summary>
    public DateTimeOffset End => new(To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool Contains(DateOnly day) => day >= From && day < To;

    public bool Contains(DateTimeOffset at) => Contains(DateOnly.FromDateTime(at.UtcDateTime));

    public bool Covers(string district) => District is null || string.Equals(District, district, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first day of the calendar month of <paramref name="day"/>, the key every count is grouped by.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly MonthOf(DateTimeOffset at) => MonthOf(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>The calendar months that overlap the window, each with the days of it inside the window.</summary>
    public IEnumerable<(DateOnly Month, DateOnly Start, DateOnly End)> Months()
    {
        for (var month = MonthOf(From); month < To; month = month.AddMonths(1))
        {
            var start = month < From ? From : month;
            var end = month.AddMonths(1) > To ? To : month.AddMonths(1);
            yield return (month, start, end);
        }
    }
}
