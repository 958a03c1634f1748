using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Workflows.Persistence.Entities;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Who may read which workflow instance, by the rule the services apply to cases: process owners and admins see
/// every instance; anyone else only the instances of their own district's cases, and none without a district.
/// </summary>
internal static class InstanceScope
{
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.ProcessOwner) || user.IsInRole(Roles.Admin);

    public static IQueryable<WorkflowInstanceRecord> VisibleTo(this IQueryable<WorkflowInstanceRecord> instances, ClaimsPrincipal user)
    {
        if (SeesAll(user))
        {
            return instances;
        }

        // Districts are stored as the services write them: trimmed, lower case.
        var district = user.FindFirstValue(OrchestrationClaims.District)?.Trim().ToLowerInvariant();
        return district is null ? instances.Where(_ => false) : instances.Where(i => i.District == district);
    }

    /// <summary>Null when <paramref name="user"/> may read the instance, else a 403 that names no district.</summary>
    public static ProblemHttpResult? Check(ClaimsPrincipal user, WorkflowInstanceRecord instance) =>
        SeesAll(user) || (instance.District is not null && string.Equals(instance.District, user.FindFirstValue(OrchestrationClaims.District), StringComparison.OrdinalIgnoreCase))
            ? null
            : TypedResults.Problem("This workflow instance runs another district's case (or no district's); only that district's caseworkers, process owners and admins may read it.",
                statusCode: StatusCodes.Status403Forbidden, title: "Another district's case");
}
