namespace Orchestration.Contracts.FollowUps.Events;

/// <summary>A follow-up is overdue past its grace period: the district's coordinators are told.</summary>
public sealed record FollowUpEscalated(Guid ReferralId, Guid InterventionReferralId, Guid DeadlineId, Guid NoticeId, string District, DateOnly DueOn, DateTimeOffset EscalatedAt);
