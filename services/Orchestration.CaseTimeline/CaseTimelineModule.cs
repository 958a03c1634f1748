using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.CaseTimeline.Endpoints;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.CaseTimeline;

/// <summary>
/// One referral's whole path across the services, in time order: each module in this process tells its own entries
/// (an <c>ICaseTimelineSource</c>); this module reads no module's tables, only checks that the reader belongs to the
/// case's district and puts the entries in order.
/// </summary>
public static class CaseTimelineModule
{
    public const string Name = "CaseTimeline";
    public const string RoutePrefix = "/api/case-timeline";

    public static IServiceCollection AddCaseTimeline(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapCaseTimeline(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.ReadCaseTimeline);
        // No :guid constraint: a malformed id would then match no route, and the default-deny fallback answers 403. The
        // handler answers 400 instead, after the policy, so a role that may not read timelines still gets 403.
        group.MapGet("/{referralId}", GetCaseTimeline.Handle)
            .Produces<CaseTimelineResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A referral's path across financial aid, Jobbtorg, district interventions, follow-ups and its workflows, oldest first: "
                + "codes, dates and staff account names only. Social secretaries and coordinators of the case's district, admins.");
        return endpoints;
    }
}
