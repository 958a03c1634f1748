using Orchestration.Contracts.Referrals;
using Orchestration.ServiceDefaults.Cases;

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

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnBy { get; private set; }

    /// <summary>The individual withdraws the consent: from now on it opens nothing. Withdrawn once.</summary>
    public StepRefusal? Withdraw(string withdrawnBy, DateTimeOffset now)
    {
        if (WithdrawnAt is not null)
        {
            return StepRefusal.Done($"Consent {Id} was withdrawn on {WithdrawnAt:yyyy-MM-dd}.");
        }

        WithdrawnAt = now;
        WithdrawnBy = withdrawnBy;
        return null;
    }

    public bool IsValidOn(DateOnly day) => WithdrawnAt is null && GivenOn <= day && (ValidUntil is null || day <= ValidUntil);
}
