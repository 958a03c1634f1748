namespace Orchestration.Contracts.FollowUps.Commands;

/// <summary>Schedule the follow-ups of a started intervention: the first after FirstAfter, then every Interval (ISO 8601 durations, defaults P1M and P3M when empty); reminders go to the responsible social secretary's account (its user name).</summary>
public sealed record ScheduleFollowUps(Guid ReferralId, Guid InterventionReferralId, string District, DateTimeOffset StartedAt, string FirstAfter, string Interval, string? ResponsibleSocialSecretary = null);
