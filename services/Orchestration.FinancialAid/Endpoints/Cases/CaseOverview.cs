namespace Orchestration.FinancialAid.Endpoints.Cases;

/// <summary>Where a referral stands in the financial-aid unit: which steps are done, the current obstacle, the decisions, who is responsible and the closure.</summary>
public sealed record CaseOverview(
    Guid ReferralId,
    Guid PersonId,
    string District,
    DateTimeOffset RegisteredAt,
    string ResponsibleSocialSecretary,
    DateTimeOffset ResponsibleSince,
    IReadOnlyDictionary<string, DateTimeOffset> InstrumentsDone,
    string? CurrentSupportObstacle,
    IReadOnlyList<CaseOverview.RouteDecisionSummary> RouteDecisions,
    IReadOnlyList<CaseOverview.AidDecisionSummary> AidDecisions,
    IReadOnlyList<Guid> ReReferralsAwaitingDecision,
    DateTimeOffset? FiaJobPartRequestedAt,
    CaseOverview.ClosureSummary? Closure)
{
    public sealed record RouteDecisionSummary(Guid Id, IReadOnlyList<string> Routes, IReadOnlyList<string> OtherRoutes, bool FiaCompleted, DateTimeOffset DecidedAt);

    public sealed record AidDecisionSummary(Guid Id, DateOnly ValidFrom, DateOnly ValidTo);

    public sealed record ClosureSummary(string Outcome, string? Note, DateTimeOffset ClosedAt, string ClosedBy);
}
