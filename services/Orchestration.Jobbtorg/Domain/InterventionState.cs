namespace Orchestration.Jobbtorg.Domain;

public enum InterventionState
{
    /// <summary>Booked with a planned start; the queue time (kötid) runs until it starts.</summary>
    Booked,

    Started,

    Ended,

    /// <summary>Booked but dropped before it started, because the referral was re-referred.</summary>
    Cancelled,
}
