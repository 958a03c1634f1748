using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Interventions.Endpoints.Catalogue;

internal static class GetCatalogueEntry
{
    public static async Task<Results<Ok<CatalogueEntryResponse>, ProblemHttpResult>> Handle(Guid id, InterventionsDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.Catalogue.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (entry is null)
        {
            return CaseProblems.NotFound("intervention in the catalogue", id);
        }

        var taken = await PlacesTaken.CountAsync(db, [id], cancellationToken);
        return TypedResults.Ok(CatalogueEntryResponse.From(entry, taken.GetValueOrDefault(id)));
    }
}
