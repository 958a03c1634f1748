namespace Orchestration.FollowUps.Domain;

public enum DeadlineKind
{
    /// <summary>The first follow-up, about a month after the start (seed 002).</summary>
    FirstFollowUp,

    /// <summary>A later follow-up, about every three months (seed 002).</summary>
    FollowUp,
}
