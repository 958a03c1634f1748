namespace Orchestration.Contracts.Jobbtorg.Commands;

/// <summary>Close every open Jobbtorg and Jobbtorg Resurs referral of the case, because the case closed with this outcome.</summary>
public sealed record CloseJobbtorgReferral(Guid ReferralId, Referrals.ClosureOutcome Outcome, DateTimeOffset RequestedAt);
