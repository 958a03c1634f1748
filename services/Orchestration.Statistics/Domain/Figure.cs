namespace Orchestration.Statistics.Domain;

/// <summary>
/// One cell of the statistics. A suppressed cell has neither <see cref="Count"/> nor <see cref="Cost"/>: the count lay
/// between 1 and the threshold, small enough to point at a person.
/// </summary>
public sealed record Figure(string Measure, string? Category, string Period, string? District, string? Intervention, string? Provider,
    string? Gender, string? AgeBand, int? Count, decimal? Cost, bool Suppressed);
