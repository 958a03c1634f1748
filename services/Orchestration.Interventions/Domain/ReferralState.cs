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

    /// <summary>
    /// The social secretary decided the transfer to Jobbtorg Resurs; the intervention runs on (follow-ups too) until the
    /// Resurs intake, the overlap of seed 002, and then closes on CloseInterventionReferral.
    /// </summary>
    AwaitingTransfer,

    /// <summary>Closed with an outcome (ToJobbtorg after a transfer to Jobbtorg Resurs).</summary>
    Closed,
}
