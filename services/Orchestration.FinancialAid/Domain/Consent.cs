using Orchestration.Contracts.Referrals;

namespace Orchestration.FinancialAid.Domain;

/// <summary>The individual's consent: who recorded it, when it was given, its scope and how, until when, and its withdrawal.</summary>
public sealed class Consent
{
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public ConsentScope Scope { get; init; }

    public ConsentMethod Method { get; init; }

    public DateOnly GivenOn { get; init; }

    /// <summary>Last day the consent holds; none means until withdrawn.</summary>
    public DateOnly? ValidUntil { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public bool IsValidOn(DateOnly day) => WithdrawnAt is null && GivenOn <= day && (ValidUntil is null || day <= ValidUntil);
}
