using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.ServiceDefaults.CaseTimeline;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.CaseTimeline.Endpoints;

/// <summary>
/// Asks every module of this process for its part, checks the reader against the case's district (404 when no module
/// knows the referral, 403 for another district's, as financial aid answers), audits the read in each module that
/// answered and orders the entries by time. An id that is no GUID is a 400 (it names no case, so it reveals nothing).
/// </summary>
internal static class GetCaseTimeline
{
    public static async Task<Results<Ok<CaseTimelineResponse>, ValidationProblem, ProblemHttpResult>> Handle(string referralId, ClaimsPrincipal user,
        IEnumerable<ICaseTimelineSource> sources, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(referralId, out var id))
        {
            return CaseProblems.Invalid("referralId", "A referral id is a GUID.");
        }

        return await ReadAsync(id, user, sources, cancellationToken);
    }

    private static async Task<Results<Ok<CaseTimelineResponse>, ValidationProblem, ProblemHttpResult>> ReadAsync(Guid referralId, ClaimsPrincipal user,
        IEnumerable<ICaseTimelineSource> sources, CancellationToken cancellationToken)
    {
        List<(ICaseTimelineSource Source, CaseTimelinePart Part)> parts = [];
        foreach (var source in sources)
        {
            // One after the other: the sources may share a connection in the embedded profile.
            if (await source.ReadAsync(referralId, cancellationToken) is { } part)
            {
                parts.Add((source, part));
            }
        }

        // Every module records the referral under the district that registered it; a workflow started by hand has none.
        var district = parts.Select(p => p.Part.District).FirstOrDefault(d => !string.IsNullOrEmpty(d));
        if (district is null)
        {
            return CaseProblems.NotFound("referral", referralId);
        }

        if (!user.IsInRole(Roles.Admin) && DistrictAccess.Check(user, district) is { } refused)
        {
            return refused;
        }

        foreach (var (source, _) in parts)
        {
            await source.AuditReadAsync(referralId, district, user, cancellationToken);
        }

        var entries = parts.SelectMany(p => p.Part.Entries).OrderBy(e => e.At).ToList();
        return TypedResults.Ok(new CaseTimelineResponse(referralId, district, parts.Select(p => p.Source.Module).ToList(), entries));
    }
}
