namespace Orchestration.ServiceDefaults.Statistics;

/// <summary>
/// How many of one measure a module counted in one period (its first day): what leaves a module for the statistics, never a
/// person. A dimension the module does not know stays null; <see cref="Cost"/> only where a price is known.
/// </summary>
public sealed record StatisticsCount(string Measure, DateOnly Period, string District, int Count)
{
    /// <summary>The measure's breakdown: a re-referral reason, a closure outcome, "onTime"/"late"/"overdue", "own"/"purchased".</summary>
    public string? Category { get; init; }

    public string? Intervention { get; init; }

    /// <summary>The district that provides the intervention (differs from <see cref="District"/> for a purchased place).</summary>
    public string? Provider { get; init; }

    public string? Gender { get; init; }

    public string? AgeBand { get; init; }

    /// <summary>Kronor, for the place-days in the period.</summary>
    public decimal? Cost { get; init; }
}
