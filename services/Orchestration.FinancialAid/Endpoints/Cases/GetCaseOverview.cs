using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

        var instruments = await db.Instruments.AsNoTracking().Where(r => r.ApplicationId == id)
            .Select(r => new { r.Instrument, r.RecordedAt }).ToListAsync(cancellationToken);
        var obstacles = await db.SupportObstacles.AsNoTracking().Where(o => o.ApplicationId == id).ToListAsync(cancellationToken);
        var routes = await db.RouteDecisions.AsNoTracking().Where(d => d.ApplicationId == id).ToListAsync(cancellationToken);
        var aid = await db.AidDecisions.AsNoTracking().Where(d => d.ApplicationId == id).ToListAsync(cancellationToken);
        var waiting = await db.ReReferrals.AsNoTracking().Where(r => r.ApplicationId == id && r.AnsweredByRouteDecisionId == null)
            .Select(r => r.Id).ToListAsync(cancellationToken);

        db.Audit(user, AuditAction.Read, nameof(AidApplication), id, application!.District, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CaseOverview(
            id,
            application.PersonId,
            application.District,
            application.RegisteredAt,
            instruments.ToDictionary(i => i.Instrument.ToString(), i => i.RecordedAt),
            obstacles.OrderBy(o => o.RecordedAt).LastOrDefault()?.Category.ToString(),
            routes.OrderBy(d => d.DecidedAt).Select(d => new CaseOverview.RouteDecisionSummary(d.Id, d.Routes.Select(r => r.ToString()).ToList(), d.FiaCompleted, d.DecidedAt)).ToList(),
            aid.OrderBy(d => d.ValidFrom).Select(d => new CaseOverview.AidDecisionSummary(d.Id, d.ValidFrom, d.ValidTo)).ToList(),
            waiting));
    }
}
