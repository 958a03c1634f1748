using Orchestration.Contracts.Referrals;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>How the referral closed: the outcome, when and by whom (a coach, or "message:CloseJobbtorgReferral" when the case closed).</summary>
public sealed record ClosureView(ClosureOutcome Outcome, DateTimeOffset ClosedAt, string ClosedBy, string? Note);
