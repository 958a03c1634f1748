using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>
/// Target-group screening (a project step, DOMAIN.md §3 step 2): whether the person belongs to one of Jobbtorg's
/// target groups of §8, and which. The groups are the seed's proposals, so the lists are configuration
/// the process owner edits through the API, with those as defaults.
/// </summary>
internal sealed record TargetGroupScreeningAnswers(bool? InJobbtorgTargetGroup, IReadOnlyList<string>? TargetGroups, string? Note) : IInstrumentAnswers
{
    public static Instrument Instrument => Instrument.TargetGroupScreening;

    public static Instrument? After => Instrument.MappingPart1;

    public static bool SharedWithJobbtorgOnConsent => false;

    public ValidationErrors Validate(DateOnly today, ActiveLists lists)
    {
        var errors = new ValidationErrors();
        errors.Required("inJobbtorgTargetGroup", InJobbtorgTargetGroup);
        var groups = TargetGroups ?? [];
        var jobbtorgGroups = lists.JobbtorgTargetGroups;
        var otherGroups = lists.OtherTargetGroups;
        var unknown = groups.Where(g => !jobbtorgGroups.Contains(g) && !otherGroups.Contains(g)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("targetGroups", $"Unknown target group(s): {string.Join(", ", unknown)}; known: {string.Join(", ", jobbtorgGroups.Concat(otherGroups))}.");
        }
        else if (InJobbtorgTargetGroup == true && !groups.Any(jobbtorgGroups.Contains))
        {
            errors.Add("targetGroups", "Name at least one of Jobbtorg's target groups when the person is in one.");
        }

        errors.MaxLength("note", Note, IInstrumentAnswers.NoteLength);
        return errors;
    }

    public object CompletedEvent(Guid referralId, string district, DateTimeOffset now) =>
        new TargetGroupScreened(referralId, district, InJobbtorgTargetGroup == true, now);
}
