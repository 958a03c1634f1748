namespace Orchestration.Statistics.Domain;

/// <summary>What figures can be broken down by besides the measure, its category and the period.</summary>
public enum Dimension
{
    District,
    Intervention,
    Provider,
    Gender,
    AgeBand,
}
