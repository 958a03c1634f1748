namespace Orchestration.Contracts.Jobbtorg.Events;

/// <summary>Jobbtorg closed its referral with an outcome, reported by Jobbtorg (work, studies, moved, lost contact …) or on the process's CloseJobbtorgReferral.</summary>
public sealed record JobbtorgReferralClosed(Guid ReferralId, Guid JobbtorgReferralId, Referrals.ClosureOutcome Outcome, DateTimeOffset ClosedAt);
