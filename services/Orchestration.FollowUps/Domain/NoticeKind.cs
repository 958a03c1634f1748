namespace Orchestration.FollowUps.Domain;

public enum NoticeKind
{
    /// <summary>To the responsible social secretary, a lead time before the due date.</summary>
    Reminder,

    /// <summary>To the district's coordinators, once the follow-up is overdue past the grace period.</summary>
    Escalation,
}
