namespace Orchestration.Interventions.Domain;

/// <summary>How far a goal of the assignment is reached at a follow-up.</summary>
public enum GoalAttainment
{
    /// <summary>Ej uppnått.</summary>
    NotAchieved,

    /// <summary>Delvis uppnått.</summary>
    PartlyAchieved,

    /// <summary>Uppnått.</summary>
    Achieved,
}
