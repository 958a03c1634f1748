namespace Orchestration.Contracts.FollowUps.Events;

/// <summary>The social secretary moved a follow-up's due date; the reason stays in the follow-ups module.</summary>
public sealed record FollowUpDateMoved(Guid ReferralId, Guid InterventionReferralId, Guid DeadlineId, DateOnly FromDueOn, DateOnly DueOn, DateTimeOffset MovedAt);
