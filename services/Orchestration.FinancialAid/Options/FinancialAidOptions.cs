using Orchestration.FinancialAid.Domain;

namespace Orchestration.FinancialAid.Options;

/// <summary>
/// The first-start defaults of the lists DOMAIN.md marks as examples or project decisions (section <c>FinancialAid</c>;
/// an empty or missing list means the seeds' default). CodeListSeeder installs them in the database once; from then on
/// the process owner edits them through the API and configuration is not read again.
/// </summary>
public sealed class FinancialAidOptions
{
    public const string Section = "FinancialAid";

    /// <summary>Jobbtorg's stage 1 and 2 groups (seed 001, proposals).</summary>
    public static readonly IReadOnlyList<string> DefaultJobbtorgTargetGroups =
        ["UnemployedOnAid", "WorkCapacityToInvestigate", "SfiStudent", "RefugeeOrFamilyReunion", "Youth16To24", "AidForOtherReasons"];

    /// <summary>Groups outside Jobbtorg's (seeds 000, 001, 002, 004).</summary>
    public static readonly IReadOnlyList<string> DefaultOtherTargetGroups = ["DistrictIntervention", "Start", "YoungAdultsWithMentalDisability"];

    /// <summary>The FIA areas of the social secretary's part (seed 000: "bland annat", so a default).</summary>
    public static readonly IReadOnlyList<string> DefaultFiaSocialAreas =
        ["SocialNetwork", "Housing", "RelativesSituation", "MentalHealth", "PhysicalHealth", "Addiction"];

    public List<string>? JobbtorgTargetGroups { get; set; }

    public List<string>? OtherTargetGroups { get; set; }

    public List<string>? FiaSocialAreas { get; set; }

    public List<string>? OtherRoutes { get; set; }

    /// <summary>The longest validity of an aid decision in days; no seed sets one (a project decision, DOMAIN.md §3).</summary>
    public int AidDecisionMaxValidityDays { get; set; } = 366;

    public IReadOnlyList<string> EffectiveJobbtorgTargetGroups => OrDefault(JobbtorgTargetGroups, DefaultJobbtorgTargetGroups);

    public IReadOnlyList<string> EffectiveOtherTargetGroups => OrDefault(OtherTargetGroups, DefaultOtherTargetGroups);

    public IReadOnlyList<string> EffectiveFiaSocialAreas => OrDefault(FiaSocialAreas, DefaultFiaSocialAreas);

    public IReadOnlyList<string> EffectiveOtherRoutes => OrDefault(OtherRoutes, Domain.OtherRoutes.Defaults);

    /// <summary>The problem with the settings, or null.</summary>
    public string? Validate()
    {
        if (AidDecisionMaxValidityDays is < 1 or > 3660)
        {
            return $"{Section}:{nameof(AidDecisionMaxValidityDays)} must be between 1 and 3660.";
        }

        var lists = new[]
        {
            (nameof(JobbtorgTargetGroups), EffectiveJobbtorgTargetGroups), (nameof(OtherTargetGroups), EffectiveOtherTargetGroups),
            (nameof(FiaSocialAreas), EffectiveFiaSocialAreas), (nameof(OtherRoutes), EffectiveOtherRoutes),
        };
        foreach (var (name, codes) in lists)
        {
            if (codes.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 60) || codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
            {
                return $"{Section}:{name} holds distinct codes of 1 to 60 characters.";
            }
        }

        return EffectiveJobbtorgTargetGroups.Intersect(EffectiveOtherTargetGroups, StringComparer.Ordinal).Any()
            ? $"{Section}: a target group is either Jobbtorg's or another; not both."
            : null;
    }

    private static IReadOnlyList<string> OrDefault(List<string>? configured, IReadOnlyList<string> fallback) =>
        configured is { Count: > 0 } ? configured.Select(c => c.Trim()).ToList() : fallback;
}
