namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The social secretary decided the route(s), possibly several in parallel; FiaCompleted says whether an FIA lies behind the decision.</summary>
public sealed record RouteDecided(Guid ReferralId, Guid PersonId, string District, IReadOnlyList<Referrals.Route> Routes, bool FiaCompleted, DateTimeOffset DecidedAt);
