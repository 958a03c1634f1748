using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>
/// The FIA part the social secretary does "i första hand": social situation and health (seeds 000, 002). Every area
/// is answered, with NotAssessed where it was not discussed. Jobbtorg reads it only with the individual's consent.
/// </summary>
internal sealed record FiaSocialPartAnswers(IReadOnlyDictionary<string, FiaAreaAssessment>? Areas, string? Summary) : IInstrumentAnswers
{
    public static readonly IReadOnlyList<string> AreaNames =
        ["SocialNetwork", "Housing", "RelativesSituation", "MentalHealth", "PhysicalHealth", "Addiction"];

    public static Instrument Instrument => Instrument.FiaSocialPart;

    public static Instrument? After => Instrument.MappingPart3;

    public static bool SharedWithJobbtorgOnConsent => true;

    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        var areas = Areas ?? new Dictionary<string, FiaAreaAssessment>();
        var missing = AreaNames.Where(a => !areas.ContainsKey(a)).ToList();
        var unknown = areas.Keys.Where(a => !AreaNames.Contains(a)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            errors.Add("areas", $"Answer exactly the areas {string.Join(", ", AreaNames)}" +
                (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "") +
                (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "") + ".");
        }

        foreach (var (name, area) in areas.Where(a => AreaNames.Contains(a.Key)))
        {
            errors.OneOf($"areas.{name}.level", area.Level, FiaAreaAssessment.Levels);
            errors.MaxLength($"areas.{name}.note", area.Note, IInstrumentAnswers.NoteLength);
        }

        errors.MaxLength("summary", Summary, IInstrumentAnswers.NoteLength);
        return errors;
    }

    public object CompletedEvent(Guid referralId, string district, DateTimeOffset now) => new FiaSocialPartCompleted(referralId, district, now);
}
