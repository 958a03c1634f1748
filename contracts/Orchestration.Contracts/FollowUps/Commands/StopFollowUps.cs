namespace Orchestration.Contracts.FollowUps.Commands;

/// <summary>Stop the follow-up deadlines of an intervention that closed or was transferred.</summary>
public sealed record StopFollowUps(Guid ReferralId, Guid InterventionReferralId, DateTimeOffset StoppedAt);
