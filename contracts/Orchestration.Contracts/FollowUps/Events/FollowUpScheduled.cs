namespace Orchestration.Contracts.FollowUps.Events;

/// <summary>A follow-up deadline of an intervention is due on DueOn (a Swedish working day); Sequence counts the follow-ups from 1.</summary>
public sealed record FollowUpScheduled(Guid ReferralId, Guid InterventionReferralId, Guid DeadlineId, string District, int Sequence, DateOnly DueOn, DateTimeOffset ScheduledAt);
