using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>
/// Initial mapping part 1 at the first phone contact: introductory questions and basic circumstances (DOMAIN.md §7;
/// the fields are the project's design, the seeds name only the areas).
/// </summary>
internal sealed record MappingPart1Answers(
    DateOnly? FirstContactOn,
    string? ContactChannel,
    string? HouseholdType,
    int? ChildrenInHousehold,
    string? Occupation,
    bool? HasIncome,
    bool? UrgentNeed,
    string? Notes) : IInstrumentAnswers
{
    public static readonly IReadOnlyList<string> ContactChannels = ["Phone", "Visit", "Digital"];
    public static readonly IReadOnlyList<string> HouseholdTypes = ["Single", "SingleWithChildren", "Cohabiting", "CohabitingWithChildren"];
    public static readonly IReadOnlyList<string> Occupations = ["Unemployed", "Employed", "Studying", "SickListed", "ParentalLeave", "Other"];

    public static Instrument Instrument => Instrument.MappingPart1;

    public static Instrument? After => null;

    public static bool SharedWithJobbtorgOnConsent => false;

    public ValidationErrors Validate(DateOnly today, ActiveLists lists)
    {
        var errors = new ValidationErrors();
        errors.Required("firstContactOn", FirstContactOn);
        errors.NotInFuture("firstContactOn", FirstContactOn, today);
        errors.OneOf("contactChannel", ContactChannel, ContactChannels);
        errors.OneOf("householdType", HouseholdType, HouseholdTypes);
        if (ChildrenInHousehold is < 0 or > 20)
        {
            errors.Add("childrenInHousehold", "Between 0 and 20.");
        }

        errors.OneOf("occupation", Occupation, Occupations);
        errors.Required("hasIncome", HasIncome);
        errors.Required("urgentNeed", UrgentNeed);
        errors.MaxLength("notes", Notes, IInstrumentAnswers.NoteLength);
        return errors;
    }

    public object CompletedEvent(Guid referralId, string district, DateTimeOffset now) => new InitialMappingPart1Completed(referralId, district, now);
}
