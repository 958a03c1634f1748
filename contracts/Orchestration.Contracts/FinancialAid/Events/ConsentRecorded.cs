namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The individual gave a consent (to share with Jobbtorg, or to refer to FINSAM), valid until a date or until withdrawn.</summary>
public sealed record ConsentRecorded(Guid ReferralId, Guid ConsentId, Referrals.ConsentScope Scope, DateOnly? ValidUntil, DateTimeOffset RecordedAt);
