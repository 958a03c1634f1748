namespace Orchestration.Jobbtorg.Domain;

/// <summary>The goal regarding work that the FIA education/job part arrives at (PD; FIA area "mål med arbete").</summary>
public enum WorkGoal
{
    Work,

    Studies,

    WorkAndStudies,

    /// <summary>Not yet clear; more mapping or motivation work needed.</summary>
    NotYetClear,
}
