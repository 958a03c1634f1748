namespace Orchestration.Interventions.Domain;

/// <summary>
/// One district intervention in the city-wide catalogue (DOMAIN.md §10): what it is, who provides it, for whom, how
/// many places and at what price, and whether other districts may buy a place in it.
/// </summary>
public sealed class CatalogueIntervention
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public InterventionType Type { get; set; }

    /// <summary>The district that runs the intervention, sells its places and maintains this entry.</summary>
    public required string ProviderDistrict { get; set; }

    /// <summary>Who carries it out when not the district itself: START, a procured provider, another administration.</summary>
    public string? Provider { get; set; }

    /// <summary>Målgrupp.</summary>
    public required string TargetGroup { get; set; }

    public int Places { get; set; }

    /// <summary>Kronor per place, as the providing district charges another district.</summary>
    public decimal? PricePerPlace { get; set; }

    /// <summary>Whether other districts may buy a place.</summary>
    public bool OpenToOtherDistricts { get; set; }

    /// <summary>Whether a participant needs an aid decision (beslut om bistånd).</summary>
    public bool RequiresAidDecision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changed on every edit and on every place taken, so two callers cannot take the last place at once.</summary>
    public Guid Version { get; set; }
}
