namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// One measured figure beside the baseline measured in the same run. <see cref="Met"/> is null when the target
/// cannot be judged (nothing to compare with); <see cref="Shortfall"/> says by how much a missed target was missed.
/// </summary>
public sealed record Figure(
    string Item,
    string Name,
    double Value,
    string Unit,
    string BaselineName,
    double? Baseline,
    string Target,
    bool? Met,
    string? Shortfall = null,
    string? Note = null)
{
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;
}
