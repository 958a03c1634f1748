using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Closure;

/// <summary>
/// The social secretary closes the case with an outcome of DOMAIN.md §9 and a note, at any stage: CaseClosed then
/// lets the process close every open part. Once; a closed case takes no further step.
/// </summary>
internal static class CloseApplication
{
    public sealed record Request(string? Outcome, string? Note);

    public sealed record Response(Guid ReferralId, string Outcome, string? Note, DateTimeOffset ClosedAt, string ClosedBy);

    public static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var outcome = errors.Code<ClosureOutcome>("outcome", request.Outcome, required: true);
        var note = errors.Text("note", request.Note, required: true, maxLength: 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (application!.RefuseClosure() is { } refused)
        {
            return refused.ToProblem();
        }

        var now = time.GetUtcNow();
        application.Close(outcome!.Value, note, user.UserName(), now);
        db.Stage(new CaseClosed(id, application.District, outcome.Value, now), now);
        db.Audit(user, AuditAction.Changed, nameof(AidApplication), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(new Response(id, outcome.Value.ToString(), note, now, application.ClosedBy!));
    }
}
