namespace Orchestration.ServiceDefaults.Statistics;

/// <summary>How the months of a query are summed into periods.</summary>
public enum PeriodLength
{
    Month,
    Quarter,
    Year,

    /// <summary>The whole query window as one period.</summary>
    Whole,
}
