using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>
/// The FIA part the social secretary does "i första hand": social situation and health (seeds 000, 002). Every area
/// of the active list (edited by the process owner, seed 000's "bland annat" areas by default) is
/// answered, with NotAssessed where it was not discussed. Jobbtorg reads it only with the individual's consent.
/// </summary>
internal sealed record FiaSocialPartAnswers(IReadOnlyDictionary<string, FiaAreaAssessment>? Areas, string? Summary) : IInstrumentAnswers
{
    public static Instrument Instrument => Instrument.FiaSocialPart;

    public static Instrument? After => Instrument.MappingPart3;

    public static bool SharedWithJobbtorgOnConsent => true;

    public ValidationErrors Validate(DateOnly today, ActiveLists lists)
    {
        var errors = new ValidationErrors();
        var areas = Areas ?? new Dictionary<string, FiaAreaAssessment>();
        var areaNames = lists.FiaSocialAreas;
        var missing = areaNames.Where(a => !areas.ContainsKey(a)).ToList();
        var unknown = areas.Keys.Where(a => !areaNames.Contains(a)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            errors.Add("areas", $"Answer exactly the areas {string.Join(", ", areaNames)}" +
                (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "") +
                (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "") + ".");
        }

        foreach (var (name, area) in areas.Where(a => areaNames.Contains(a.Key)))
        {
            errors.OneOf($"areas.{name}.level", area.Level, FiaAreaAssessment.Levels);
            errors.MaxLength($"areas.{name}.note", area.Note, IInstrumentAnswers.NoteLength);
        }

        errors.MaxLength("summary", Summary, IInstrumentAnswers.NoteLength);
        return errors;
    }

    public object CompletedEvent(Guid referralId, string district, DateTimeOffset now) => new FiaSocialPartCompleted(referralId, district, now);
}
