namespace Orchestration.Jobbtorg.Domain;

/// <summary>The lists the process owner edits (DOMAIN.md: "ex." items are editable lists, never exhaustive).</summary>
public enum CodeList
{
    /// <summary>Kinds of Jobbtorg intervention; by default Jobbtorg's offer (DOMAIN-DATA.md §8).</summary>
    InterventionKind,

    /// <summary>Reasons for a re-referral to the district (DOMAIN.md §4, PD).</summary>
    ReReferralReason,
}
