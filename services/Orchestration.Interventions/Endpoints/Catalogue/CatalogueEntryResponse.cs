using Orchestration.Interventions.Domain;

namespace Orchestration.Interventions.Endpoints.Catalogue;

/// <summary>A catalogue entry with its places left: places minus the referrals holding one (chosen or started).</summary>
public sealed record CatalogueEntryResponse(
    Guid InterventionId,
    string Name,
    InterventionType Type,
    string ProviderDistrict,
    string? Provider,
    string TargetGroup,
    int Places,
    int PlacesLeft,
    decimal? PricePerPlace,
    bool OpenToOtherDistricts,
    bool RequiresAidDecision,
    DateTimeOffset UpdatedAt)
{
    internal static CatalogueEntryResponse From(CatalogueIntervention c, int taken) => new(
        c.Id, c.Name, c.Type, c.ProviderDistrict, c.Provider, c.TargetGroup, c.Places, Math.Max(0, c.Places - taken), c.PricePerPlace,
        c.OpenToOtherDistricts, c.RequiresAidDecision, c.UpdatedAt);
}
