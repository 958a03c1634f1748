using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>
/// Initial mapping part 3 at the new visit: "bland annat hälsa och social situation" (seed 000). Health and social
/// details: Jobbtorg reads them only with the individual's consent.
/// </summary>
internal sealed record MappingPart3Answers(
    DateOnly? NewVisitOn,
    string? Housing,
    string? SocialNetwork,
    string? HealthSelfRating,
    string? HealthNotes,
    string? SocialSituationNotes) : IInstrumentAnswers
{
    public static readonly IReadOnlyList<string> HousingTypes = ["OwnOrRental", "Sublet", "Temporary", "Homeless", "Other"];
    public static readonly IReadOnlyList<string> NetworkLevels = ["Strong", "Some", "Weak", "NotStated"];
    public static readonly IReadOnlyList<string> HealthRatings = ["Good", "Fair", "Poor", "NotStated"];

    public static Instrument Instrument => Instrument.MappingPart3;

    public static Instrument? After => Instrument.MappingPart1;

    public static bool SharedWithJobbtorgOnConsent => true;

    public ValidationErrors Validate(DateOnly today, ActiveLists lists)
    {
        var errors = new ValidationErrors();
        errors.Required("newVisitOn", NewVisitOn);
        errors.NotInFuture("newVisitOn", NewVisitOn, today);
        errors.OneOf("housing", Housing, HousingTypes);
        errors.OneOf("socialNetwork", SocialNetwork, NetworkLevels);
        errors.OneOf("healthSelfRating", HealthSelfRating, HealthRatings);
        errors.MaxLength("healthNotes", HealthNotes, IInstrumentAnswers.NoteLength);
        errors.MaxLength("socialSituationNotes", SocialSituationNotes, IInstrumentAnswers.NoteLength);
        return errors;
    }

    public object CompletedEvent(Guid referralId, string district, DateTimeOffset now) => new InitialMappingPart3Completed(referralId, district, now);
}
