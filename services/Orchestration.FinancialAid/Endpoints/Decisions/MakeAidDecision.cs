using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Decisions;

/// <summary>
/// An aid decision (beslut om bistånd) with a validity period. No seed sets one; the project caps it, by default at
/// a year (SoL occupation decisions are "ofta korta beslut", seed 004), a setting the process owner changes through the API (<see cref="ProcessSetting.AidDecisionMaxValidityDays"/>).
/// </summary>
internal static class MakeAidDecision
{
    public sealed record Request(DateOnly? ValidFrom, DateOnly? ValidTo);

    public sealed record Response(Guid Id, Guid ReferralId, DateOnly ValidFrom, DateOnly ValidTo, DateTimeOffset DecidedAt, string DecidedBy);

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request.ValidFrom is not { } from || request.ValidTo is not { } to)
        {
            return CaseProblems.Invalid("validFrom", "Both validFrom and validTo are required.");
        }

        var maxDays = (await db.ReadActiveListsAsync(cancellationToken)).AidDecisionMaxValidityDays;
        if (to < from || to.DayNumber - from.DayNumber > maxDays)
        {
            return CaseProblems.Invalid("validTo", $"validTo must be on or after validFrom and at most {maxDays} days later.");
        }

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
        var decision = application.MakeAidDecision(from, to, user.UserName(), now);
        db.Stage(new AidDecisionMade(id, decision.Id, application.District, from, to, now), now);
        db.Audit(user, AuditAction.Created, nameof(AidDecision), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"{FinancialAidModule.RoutePrefix}/applications/{id}", new Response(decision.Id, id, from, to, now, decision.DecidedBy));
    }
}
