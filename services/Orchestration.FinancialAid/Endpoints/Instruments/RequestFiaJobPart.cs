using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>
/// The social secretary asks Jobbtorg for the FIA's education and job-seeking part: at any time while the case is
/// open, with or without a Jobbtorg referral (the process turns FiaJobPartRequested into Jobbtorg's command).
/// </summary>
internal static class RequestFiaJobPart
{
    public sealed record Response(Guid ReferralId, DateTimeOffset RequestedAt, string RequestedBy);

    public static async Task<Results<Accepted<Response>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (application!.RefuseChange() is { } refused)
        {
            return refused.ToProblem();
        }

        var now = time.GetUtcNow();
        application.RequestFiaJobPart(now);
        db.Stage(new FiaJobPartRequested(id, application.PersonId, application.District, now), now);
        db.Audit(user, AuditAction.Created, "FiaJobPartRequest", id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Accepted($"{FinancialAidModule.RoutePrefix}/applications/{id}/overview", new Response(id, now, user.UserName()));
    }
}
