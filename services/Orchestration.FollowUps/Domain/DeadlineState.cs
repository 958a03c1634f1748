namespace Orchestration.FollowUps.Domain;

/// <summary>Where a follow-up deadline stands; Pending and Reminded are open and wait for the claimer.</summary>
public enum DeadlineState
{
    /// <summary>Scheduled; the reminder has not gone out yet.</summary>
    Pending,

    /// <summary>The responsible social secretary was reminded; escalates if still open after the grace period.</summary>
    Reminded,

    /// <summary>Overdue and escalated to the district's coordinators; still open until the follow-up is recorded.</summary>
    Escalated,

    /// <summary>The follow-up was recorded.</summary>
    Completed,

    /// <summary>The intervention closed or was transferred: no follow-up is expected any more.</summary>
    Stopped,
}
