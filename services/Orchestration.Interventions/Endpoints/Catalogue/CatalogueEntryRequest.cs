using System.Security.Claims;
using Orchestration.Interventions.Domain;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Catalogue;

/// <summary>A catalogue entry as a caller writes it (add or edit).</summary>
public sealed record CatalogueEntryRequest(
    string? Name,
    string? Type,
    string? ProviderDistrict,
    string? Provider,
    string? TargetGroup,
    int? Places,
    decimal? PricePerPlace,
    bool? OpenToOtherDistricts,
    bool? RequiresAidDecision)
{
    internal sealed record Valid(string Name, InterventionType Type, string ProviderDistrict, string? Provider, string TargetGroup, int Places,
        decimal? PricePerPlace, bool OpenToOtherDistricts, bool RequiresAidDecision);

    /// <summary>The checked entry, or null with the errors recorded. The provider district defaults to the caller's.</summary>
    internal Valid? Validate(ValidationErrors errors, ClaimsPrincipal user)
    {
        var name = errors.Text("name", Name, required: true, maxLength: 200);
        var type = errors.Code<InterventionType>("type", Type, required: true);
        var district = errors.Text("providerDistrict", ProviderDistrict ?? user.FindFirstValue(OrchestrationClaims.District), required: true, maxLength: 100)
            ?.ToLowerInvariant();
        var provider = errors.Text("provider", Provider, required: false, maxLength: 200);
        var targetGroup = errors.Text("targetGroup", TargetGroup, required: true, maxLength: 2000);
        if (Places is not ({ } places and >= 0 and <= 10_000))
        {
            errors.Add("places", "Required: the number of places, 0 to 10000.");
        }

        if (PricePerPlace is < 0 or > 10_000_000)
        {
            errors.Add("pricePerPlace", "Kronor per place, 0 to 10 000 000.");
        }

        return errors.Any
            ? null
            : new Valid(name!, type!.Value, district!, provider, targetGroup!, Places!.Value, PricePerPlace, OpenToOtherDistricts ?? false,
                RequiresAidDecision ?? true);
    }
}
