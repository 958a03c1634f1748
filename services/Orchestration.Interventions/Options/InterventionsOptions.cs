using Orchestration.Interventions.Domain;

namespace Orchestration.Interventions.Options;

/// <summary>Settings under "Interventions": the readiness checklist and the demo catalogue switch.</summary>
public sealed class InterventionsOptions
{
    public const string Section = "Interventions";

    /// <summary>
    /// Seed the demo catalogue (Steget, Kom-i-gång, Praktikcentrum, Kompetensverkstan) at start. Unset means: in the
    /// embedded profile only, so production never gets invented entries unless asked to.
    /// </summary>
    public bool? SeedDemoCatalogue { get; set; }

    /// <summary>
    /// The readiness checklist for Jobbtorg Resurs. Seed 002 gives its five items as examples (exempelvis), so the
    /// process owner may replace them here; empty means the five of DOMAIN.md §6.
    /// </summary>
    public List<ReadinessItem> ReadinessItems { get; set; } = [];

    public IReadOnlyList<ReadinessItem> Checklist => ReadinessItems.Count > 0 ? ReadinessItems : DefaultReadinessItems;

    public static readonly IReadOnlyList<ReadinessItem> DefaultReadinessItems =
    [
        new("TookPartInActivity", "Has managed to take part in the district's labour-market activity (klarat att delta i verksamheten)"),
        new("TravelsToAndFrom", "Manages to travel to and from an intervention (hanterar att resa till och från en insats)"),
        new("NoActiveAddiction", "Has no ongoing active addiction (inte ett pågående aktivt missbruk)"),
        new("HandlesConflictsAndInteraction", "Can handle conflicts and social interaction, or knows the difficulties and works on them (hantera konflikter och det sociala samspelet)"),
        new("SufficientlyMotivated", "Is sufficiently motivated (tillräckligt motiverad)"),
    ];

    /// <summary>Null when valid, else what is wrong (checked at start).</summary>
    public string? Validate()
    {
        if (ReadinessItems.Any(i => string.IsNullOrWhiteSpace(i.Code) || string.IsNullOrWhiteSpace(i.Label)))
        {
            return $"{Section}:ReadinessItems: every item needs a Code and a Label.";
        }

        var duplicate = ReadinessItems.GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"{Section}:ReadinessItems: the code '{duplicate.Key}' appears twice.";
    }
}
