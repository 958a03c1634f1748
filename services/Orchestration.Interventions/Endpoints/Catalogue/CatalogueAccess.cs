using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Catalogue;

/// <summary>A district maintains its own entries; an administrator any district's.</summary>
internal static class CatalogueAccess
{
    public const string CaseType = "CatalogueIntervention";

    public static ProblemHttpResult? CheckMaintainer(ClaimsPrincipal user, string providerDistrict) =>
        user.IsInRole(Roles.Admin)
            ? null
            : DistrictAccess.Check(user, providerDistrict) is null
                ? null
                : CaseProblems.Forbidden("Another district's intervention",
                    $"Only staff of {providerDistrict} (or an administrator) maintain its catalogue entries.");
}
