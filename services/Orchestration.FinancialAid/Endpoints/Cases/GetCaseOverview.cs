using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;

namespace Orchestration.FinancialAid.Endpoints.Cases;

internal static class GetCaseOverview
{
    public static async Task<Results<Ok<CaseOverview>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var a = application!;
        db.Audit(user, AuditAction.Read, nameof(AidApplication), id, a.District, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CaseOverview(
            id,
            a.PersonId,
            a.District,
            a.RegisteredAt,
            a.ResponsibleSocialSecretary,
            a.ResponsibleSince,
            a.Instruments.ToDictionary(i => i.Instrument.ToString(), i => i.RecordedAt),
            a.CurrentSupportObstacle?.Category.ToString(),
            a.RouteDecisions.OrderBy(d => d.DecidedAt)
                .Select(d => new CaseOverview.RouteDecisionSummary(d.Id, d.Routes.Select(r => r.ToString()).ToList(), d.OtherRoutes, d.FiaCompleted, d.DecidedAt))
                .ToList(),
            a.AidDecisions.OrderBy(d => d.ValidFrom).Select(d => new CaseOverview.AidDecisionSummary(d.Id, d.ValidFrom, d.ValidTo)).ToList(),
            a.ReReferrals.Where(r => r.AnsweredByRouteDecisionId is null).OrderBy(r => r.ReceivedAt).Select(r => r.Id).ToList(),
            a.FiaJobPartRequestedAt,
            a.ClosedAt is { } closedAt ? new CaseOverview.ClosureSummary(a.Outcome!.Value.ToString(), a.ClosingNote, closedAt, a.ClosedBy!) : null));
    }
}
