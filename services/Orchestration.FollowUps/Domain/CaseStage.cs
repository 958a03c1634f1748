namespace Orchestration.FollowUps.Domain;

/// <summary>Where a referral stands in the process (DOMAIN.md §3), as the contract events the follow-ups module hears say.</summary>
public enum CaseStage
{
    Applied,
    MappingPart1Completed,
    TargetGroupScreened,
    MappingPart3Completed,

    /// <summary>Jobbtorg's intake: initial mapping part 2.</summary>
    JobbtorgIntakeCompleted,
    SupportObstacleRecorded,
    FiaSocialPartCompleted,
    FiaJobPartRequested,
    FiaJobPartCompleted,
    RouteDecided,

    /// <summary>Jobbtorg re-referred the person to the district; a new route decision is awaited.</summary>
    ReReferred,
    InterventionStarted,
    JobbtorgInterventionStarted,
    TransferToResursDecided,
    ResursIntakeCompleted,
    Closed,
}
