namespace Orchestration.Host.Demo;

/// <summary>
/// How far a demo referral goes and how it ends. The mix (<see cref="DemoScenarios.Weights"/>) loosely follows seed
/// 003's project outcomes (DOMAIN-DATA.md §3): most people reach an intervention, roughly half of those who leave go
/// to work or studies, some to Försäkringskassan, some are lost to contact; many are still under way.
/// </summary>
internal enum DemoScenario
{
    /// <summary>Registered and mapped (part 1) only: still in initial mapping.</summary>
    InitialMapping,

    /// <summary>Mapping, screening and the FIA done: the route decision is still to come.</summary>
    Assessed,

    /// <summary>Referred to Jobbtorg, took a job through a Jobbtorg intervention: case closed with Work.</summary>
    JobbtorgToWork,

    /// <summary>At Jobbtorg, in a Jobbtorg intervention.</summary>
    AtJobbtorg,

    /// <summary>Jobbtorg re-referred the person; the district decided its own intervention, which started.</summary>
    ReReferredToDistrict,

    /// <summary>In a district intervention whose first follow-up was recorded on time.</summary>
    FollowedUpOnTime,

    /// <summary>In a district intervention whose first follow-up was never recorded: overdue, reminded and escalated.</summary>
    FollowUpOverdue,

    /// <summary>Found ready at a follow-up: transferred to Jobbtorg Resurs after the overlap.</summary>
    TransferredToResurs,

    /// <summary>Followed up late (after the escalation), then the intervention closed with an outcome that ends the case.</summary>
    ClosedAfterIntervention,

    /// <summary>Jobbtorg and a district intervention in parallel.</summary>
    ParallelRoutes,

    /// <summary>Not heard from after the intervention started: the social secretary closed the case (LostContact).</summary>
    LostContact,
}
