using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Persistence;

namespace Orchestration.Interventions.Endpoints.Catalogue;

/// <summary>
/// The city-wide catalogue (DOMAIN.md §10: districts must know each other's interventions), optionally only one
/// provider district's or only those open to other districts. Holds no personal data, so reads are not audited.
/// </summary>
internal static class ListCatalogue
{
    public static async Task<Ok<List<CatalogueEntryResponse>>> Handle(
        string? providerDistrict, bool? openToOtherDistricts, InterventionsDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Catalogue.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(providerDistrict))
        {
            var district = providerDistrict.Trim().ToLowerInvariant();
            query = query.Where(c => c.ProviderDistrict == district);
        }

        if (openToOtherDistricts is { } open)
        {
            query = query.Where(c => c.OpenToOtherDistricts == open);
        }

        var entries = await query.OrderBy(c => c.Name).ThenBy(c => c.ProviderDistrict).ToListAsync(cancellationToken);
        var taken = await PlacesTaken.CountAsync(db, entries.Select(e => e.Id).ToList(), cancellationToken);
        return TypedResults.Ok(entries.Select(e => CatalogueEntryResponse.From(e, taken.GetValueOrDefault(e.Id))).ToList());
    }
}
