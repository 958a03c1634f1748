using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Orchestration.ServiceDefaults.Security;

/// <summary>A caseworker acts for their own district: anything else is refused with the reason.</summary>
public static class DistrictAccess
{
    public static ProblemHttpResult? Check(ClaimsPrincipal user, string district)
    {
        var own = user.FindFirstValue(OrchestrationClaims.District);
        if (own is null)
        {
            return Forbidden("Your account acts for no district; a district's own caseworkers handle its cases.");
        }

        return string.Equals(own, district, StringComparison.OrdinalIgnoreCase)
            ? null
            // Naming the owner would tell a prober where a person is registered.
            : Forbidden($"You act for district '{own}'; this case belongs to another district.");
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Another district's case");
}
