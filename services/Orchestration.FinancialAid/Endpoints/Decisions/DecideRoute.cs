using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Endpoints.Instruments;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Decisions;

/// <summary>
/// The route decision (DOMAIN.md §3 step 7): a set of routes that may run in parallel, with the caseworker's reason.
/// A district intervention without an FIA is allowed with a warning ("bör ligga som grund", seed 002). A decision
/// after a re-referral answers it.
/// </summary>
internal static class DecideRoute
{
    public sealed record Request(IReadOnlyList<string>? Routes, string? Reason);

    public sealed record Response(Guid Id, Guid ReferralId, IReadOnlyList<string> Routes, string Reason, bool FiaCompleted,
        IReadOnlyList<string> Warnings, DateTimeOffset DecidedAt, string DecidedBy);

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var names = Enum.GetNames<Route>();
        var requested = request.Routes ?? [];
        if (requested.Count == 0 || requested.Any(r => !names.Contains(r, StringComparer.Ordinal)) || requested.Distinct().Count() != requested.Count)
        {
            errors.Add("routes", $"One or more distinct routes of {string.Join(", ", names)}.");
        }

        errors.Required("reason", request.Reason);
        errors.MaxLength("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!await db.SupportObstacles.AnyAsync(o => o.ApplicationId == id, cancellationToken))
        {
            return CaseProblems.OutOfOrder($"Record the support obstacle of referral {id} before deciding its route.");
        }

        var now = time.GetUtcNow();
        var routes = requested.Select(Enum.Parse<Route>).ToList();
        var fiaCompleted = await db.Instruments.AnyAsync(r => r.ApplicationId == id && r.Instrument == Instrument.FiaSocialPart, cancellationToken);
        var warnings = new List<string>();
        if (routes.Contains(Route.DistrictIntervention) && !fiaCompleted)
        {
            warnings.Add("No FIA lies behind this referral to a district intervention; seed 002 says a completed FIA should be its ground.");
        }

        var decision = new RouteDecision
        {
            Id = Guid.NewGuid(),
            ApplicationId = id,
            Routes = routes,
            Reason = request.Reason!,
            FiaCompleted = fiaCompleted,
            DecidedAt = now,
            DecidedBy = user.UserName(),
        };
        db.RouteDecisions.Add(decision);
        foreach (var waiting in await db.ReReferrals.Where(r => r.ApplicationId == id && r.AnsweredByRouteDecisionId == null).ToListAsync(cancellationToken))
        {
            waiting.AnsweredByRouteDecisionId = decision.Id;
        }

        db.Stage(new RouteDecided(id, application!.PersonId, application.District, routes, fiaCompleted, now), now);
        db.Audit(user, AuditAction.Created, nameof(RouteDecision), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Created($"{FinancialAidModule.RoutePrefix}/applications/{id}",
            new Response(decision.Id, id, requested, decision.Reason, fiaCompleted, warnings, now, decision.DecidedBy));
    }
}
