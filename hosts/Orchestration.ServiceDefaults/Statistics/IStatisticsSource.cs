namespace Orchestration.ServiceDefaults.Statistics;

/// <summary>
/// A module's contribution to the statistics: it counts its own rows and answers counts per month, so no person
/// leaves the module. The statistics module asks every source registered in the same process.
/// </summary>
public interface IStatisticsSource
{
    /// <summary>The module's name, listed in the answer so a reader sees which modules were counted.</summary>
    string Module { get; }

    Task<IReadOnlyList<StatisticsCount>> CountAsync(StatisticsWindow window, CancellationToken cancellationToken);
}
