using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Endpoints.Consents;

public sealed record ConsentResponse(Guid Id, Guid ReferralId, string Scope, string Method, DateOnly GivenOn, DateOnly? ValidUntil,
    DateTimeOffset RecordedAt, string RecordedBy, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, bool ValidToday)
{
    internal static ConsentResponse From(Consent consent, DateOnly today) =>
        new(consent.Id, consent.ApplicationId, consent.Scope.ToString(), consent.Method.ToString(), consent.GivenOn, consent.ValidUntil,
            consent.RecordedAt, consent.RecordedBy, consent.WithdrawnAt, consent.WithdrawnBy, consent.IsValidOn(today));
}
