using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Interventions.Endpoints.Catalogue;

/// <summary>
/// Edits an entry of the caller's district. The price and aid-decision rule of places already chosen stay as they
/// were; fewer places than are taken is refused, and the entry cannot move to a district the caller does not act for.
/// </summary>
internal static class UpdateCatalogueEntry
{
    public static async Task<Results<Ok<CatalogueEntryResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, CatalogueEntryRequest request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var entry = await db.Catalogue.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (entry is null)
        {
            return CaseProblems.NotFound("intervention in the catalogue", id);
        }

        if (CatalogueAccess.CheckMaintainer(user, entry.ProviderDistrict) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var valid = (request with { ProviderDistrict = request.ProviderDistrict ?? entry.ProviderDistrict }).Validate(errors, user);
        if (valid is null)
        {
            return errors.ToProblem();
        }

        if (CatalogueAccess.CheckMaintainer(user, valid.ProviderDistrict) is { } refusedMove)
        {
            return refusedMove;
        }

        var taken = (await PlacesTaken.CountAsync(db, [id], cancellationToken)).GetValueOrDefault(id);
        if (valid.Places < taken)
        {
            return CaseProblems.OutOfOrder($"{taken} places are taken; close or move those referrals before offering fewer than {taken}.");
        }

        var now = time.GetUtcNow();
        Apply(entry, valid);
        entry.UpdatedAt = now;
        entry.Version = Guid.NewGuid();
        db.Audit(user, AuditAction.Changed, CatalogueAccess.CaseType, entry.Id, entry.ProviderDistrict, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseProblems.OutOfOrder("Someone changed this entry or took one of its places meanwhile; read it again and retry.");
        }

        return TypedResults.Ok(CatalogueEntryResponse.From(entry, taken));
    }

    internal static void Apply(CatalogueIntervention entry, CatalogueEntryRequest.Valid valid)
    {
        entry.Name = valid.Name;
        entry.Type = valid.Type;
        entry.ProviderDistrict = valid.ProviderDistrict;
        entry.Provider = valid.Provider;
        entry.TargetGroup = valid.TargetGroup;
        entry.Places = valid.Places;
        entry.PricePerPlace = valid.PricePerPlace;
        entry.OpenToOtherDistricts = valid.OpenToOtherDistricts;
        entry.RequiresAidDecision = valid.RequiresAidDecision;
    }
}
