namespace Orchestration.Jobbtorg.Domain;

/// <summary>Where a Jobbtorg referral stands; only one open referral per referral id and unit.</summary>
public enum ReferralStatus
{
    /// <summary>Received from the district; the first visit is still to come.</summary>
    Received,

    /// <summary>Taken in: the first visit with mapping part 2, or the Jobbtorg Resurs intake, is recorded.</summary>
    TakenIn,

    /// <summary>Re-referred to the district (återremitterad): closed, nothing more is recorded on it.</summary>
    ReReferred,

    /// <summary>Closed with an outcome (work, studies, moved, stopped attending …): nothing more is recorded on it.</summary>
    Closed,
}
