namespace Orchestration.FinancialAid.Domain;

/// <summary>A re-referral (återremittering) from Jobbtorg waiting for the social secretary's new route decision.</summary>
public sealed class ReReferral
{
    /// <summary>Jobbtorg's id of the re-referral; its reason is read in Jobbtorg's API.</summary>
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public DateTimeOffset ReReferredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The route decision that answered it; none while it waits.</summary>
    public Guid? AnsweredByRouteDecisionId { get; set; }
}
