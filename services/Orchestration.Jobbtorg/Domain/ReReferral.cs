namespace Orchestration.Jobbtorg.Domain;

/// <summary>
/// A re-referral to the district (återremittering) with its reason. The reason stays here: the message only says
/// that it happened, and the district's social secretary reads the reason through Jobbtorg's API.
/// </summary>
public sealed class ReReferral
{
    public Guid Id { get; init; }

    public Guid JobbtorgReferralId { get; init; }

    public Guid ReferralId { get; init; }

    public required string District { get; init; }

    /// <summary>A code of the <see cref="CodeList.ReReferralReason"/> list.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>Free text, required for codes that ask for it ("annat"): API only, never logged or sent.</summary>
    public string? ReasonText { get; init; }

    public DateTimeOffset ReReferredAt { get; init; }

    public required string ReReferredBy { get; init; }
}
