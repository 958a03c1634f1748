using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>
/// Target-group screening (a project step, DOMAIN.md §3 step 2): whether the person belongs to one of Jobbtorg's
/// target groups of §8, and which. The groups are the seed's proposals, so the list is a default.
/// </summary>
internal sealed record TargetGroupScreeningAnswers(bool? InJobbtorgTargetGroup, IReadOnlyList<string>? TargetGroups, string? Note) : IInstrumentAnswers
{
    /// <summary>Jobbtorg's stage 1 and 2 groups (seed 001), and the district-intervention group (seed 000/002).</summary>
    public static readonly IReadOnlyList<string> JobbtorgGroups =
    [
        "UnemployedOnAid", "WorkCapacityToInvestigate", "SfiStudent", "RefugeeOrFamilyReunion", "Youth16To24", "AidForOtherReasons",
    ];

    public static readonly IReadOnlyList<string> OtherGroups = ["DistrictIntervention", "Start", "YoungAdultsWithMentalDisability"];

    public static Instrument Instrument => Instrument.TargetGroupScreening;

    public static Instrument? After => Instrument.MappingPart1;

    public static bool SharedWithJobbtorgOnConsent => false;

    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.Required("inJobbtorgTargetGroup", InJobbtorgTargetGroup);
        var groups = TargetGroups ?? [];
        var unknown = groups.Where(g => !JobbtorgGroups.Contains(g) && !OtherGroups.Contains(g)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("targetGroups", $"Unknown target group(s): {string.Join(", ", unknown)}; known: {string.Join(", ", JobbtorgGroups.Concat(OtherGroups))}.");
        }
        else if (InJobbtorgTargetGroup == true && !groups.Any(JobbtorgGroups.Contains))
        {
            errors.Add("targetGroups", "Name at least one of Jobbtorg's target groups when the person is in one.");
        }

        errors.MaxLength("note", Note, IInstrumentAnswers.NoteLength);
        return errors;
    }

    public object CompletedEvent(Guid referralId, string district, DateTimeOffset now) =>
        new TargetGroupScreened(referralId, district, InJobbtorgTargetGroup == true, now);
}
