namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>An aid decision (beslut om bistånd) was made for the referral, valid from one date to another.</summary>
public sealed record AidDecisionMade(Guid ReferralId, Guid AidDecisionId, string District, DateOnly ValidFrom, DateOnly ValidTo, DateTimeOffset DecidedAt);
