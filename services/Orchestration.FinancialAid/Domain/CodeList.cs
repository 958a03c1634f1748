namespace Orchestration.FinancialAid.Domain;

/// <summary>The lists the process owner edits (DOMAIN.md: "ex." items are editable lists, never exhaustive).</summary>
public enum CodeList
{
    /// <summary>Jobbtorg's stage 1 and 2 groups (DOMAIN.md §8, proposals of seed 001).</summary>
    JobbtorgTargetGroup,

    /// <summary>Groups outside Jobbtorg's: district interventions, START, young adults (DOMAIN.md §8).</summary>
    OtherTargetGroup,

    /// <summary>The areas of the FIA social and health part (seed 000: "bland annat").</summary>
    FiaSocialArea,

    /// <summary>The other routes of a route decision (DOMAIN.md §3 step 7, seed 004).</summary>
    OtherRoute,
}
