namespace Orchestration.Contracts.FinancialAid.Commands;

/// <summary>Close the financial-aid case with the outcome another service reported (the person got work, moved, stopped attending …); a case already closed stays as it is.</summary>
public sealed record CloseCase(Guid ReferralId, Referrals.ClosureOutcome Outcome, string ReportedBy, DateTimeOffset RequestedAt);
