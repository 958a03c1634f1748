namespace Orchestration.Interventions.Domain;

/// <summary>Where an intervention referral stands; assignment, plans and talks are recorded between choice and start.</summary>
public enum ReferralState
{
    /// <summary>Opened by the referral process; no intervention chosen yet.</summary>
    Opened,

    /// <summary>An intervention (a place) is chosen; the assignment and plans are being written.</summary>
    InterventionChosen,

    /// <summary>The person has started; follow-ups are recorded.</summary>
    Started,

    /// <summary>Closed with an outcome (including a transfer to Jobbtorg Resurs).</summary>
    Closed,
}
