namespace Orchestration.FinancialAid.Endpoints.Cases;

/// <summary>Where a referral stands in the financial-aid unit: which steps are done, the current obstacle and the decisions.</summary>
public sealed record CaseOverview(
    Guid ReferralId,
    Guid PersonId,
    string District,
    DateTimeOffset RegisteredAt,
    IReadOnlyDictionary<string, DateTimeOffset> InstrumentsDone,
    string? CurrentSupportObstacle,
    IReadOnlyList<CaseOverview.RouteDecisionSummary> RouteDecisions,
    IReadOnlyList<CaseOverview.AidDecisionSummary> AidDecisions,
    IReadOnlyList<Guid> ReReferralsAwaitingDecision)
{
    public sealed record RouteDecisionSummary(Guid Id, IReadOnlyList<string> Routes, bool FiaCompleted, DateTimeOffset DecidedAt);

    public sealed record AidDecisionSummary(Guid Id, DateOnly ValidFrom, DateOnly ValidTo);
}
