using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Interventions.Endpoints.Catalogue;

/// <summary>Adds an intervention to the catalogue, provided by the caller's own district (an administrator names any).</summary>
internal static class AddCatalogueEntry
{
    public static async Task<Results<Created<CatalogueEntryResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        CatalogueEntryRequest request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Validate(errors, user) is not { } valid)
        {
            return errors.ToProblem();
        }

        if (CatalogueAccess.CheckMaintainer(user, valid.ProviderDistrict) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var entry = new CatalogueIntervention
        {
            Id = Guid.NewGuid(),
            Name = valid.Name,
            ProviderDistrict = valid.ProviderDistrict,
            TargetGroup = valid.TargetGroup,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        UpdateCatalogueEntry.Apply(entry, valid);
        db.Catalogue.Add(entry);
        db.Audit(user, AuditAction.Created, CatalogueAccess.CaseType, entry.Id, entry.ProviderDistrict, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/interventions/catalogue/{entry.Id}", CatalogueEntryResponse.From(entry, 0));
    }
}
