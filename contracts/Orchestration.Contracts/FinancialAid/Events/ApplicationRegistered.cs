namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>A person applied for financial aid in a district; starts the referral process. PersonId is opaque.</summary>
public sealed record ApplicationRegistered(Guid ApplicationId, Guid PersonId, string District, DateTimeOffset RegisteredAt);
