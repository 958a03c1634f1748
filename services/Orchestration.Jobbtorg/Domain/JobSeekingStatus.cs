namespace Orchestration.Jobbtorg.Domain;

/// <summary>How the person seeks work today (PD), as mapping part 2 records it.</summary>
public enum JobSeekingStatus
{
    /// <summary>Söker inte arbete.</summary>
    NotSeeking,

    /// <summary>Söker ibland, utan plan.</summary>
    SeekingOccasionally,

    /// <summary>Söker aktivt.</summary>
    SeekingActively,

    /// <summary>Studerar eller vill studera (Jobbtorg's focus is work or studies).</summary>
    StudyingOrPlanningStudies,
}
