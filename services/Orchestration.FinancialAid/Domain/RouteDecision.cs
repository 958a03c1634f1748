using Orchestration.Contracts.Referrals;

namespace Orchestration.FinancialAid.Domain;

/// <summary>The social secretary's route decision: one or more routes in parallel, with the reason recorded.</summary>
public sealed class RouteDecision
{
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public required IReadOnlyList<Route> Routes { get; init; }

    /// <summary>Which other routes (from the configured list, e.g. Finsam) when <see cref="Route.OtherRoute"/> is chosen.</summary>
    public IReadOnlyList<string> OtherRoutes { get; init; } = [];

    public required string Reason { get; init; }

    /// <summary>The individual's own view of the decision, which the social secretary **ska** record (DOMAIN.md §2).</summary>
    public required string IndividualsView { get; init; }

    /// <summary>Whether an FIA lay behind the decision; a district intervention without one is allowed with a warning.</summary>
    public bool FiaCompleted { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    public required string DecidedBy { get; init; }
}
