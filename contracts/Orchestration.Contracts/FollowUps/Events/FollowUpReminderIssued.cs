namespace Orchestration.Contracts.FollowUps.Events;

/// <summary>A follow-up falls due soon: the responsible social secretary is reminded (inbox and e-mail).</summary>
public sealed record FollowUpReminderIssued(Guid ReferralId, Guid InterventionReferralId, Guid DeadlineId, Guid NoticeId, string District, DateOnly DueOn, DateTimeOffset IssuedAt);
