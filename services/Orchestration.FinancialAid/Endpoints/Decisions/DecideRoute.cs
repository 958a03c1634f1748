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

namespace Orchestration.FinancialAid.Endpoints.Decisions;

/// <summary>
/// The route decision (DOMAIN.md §3 step 7): a set of routes that may run in parallel, with the caseworker's reason
/// and the individual's own view (a **ska**). An other route names which (FK, a care contact, FINSAM …); FINSAM needs
/// the individual's valid consent. A district intervention without an FIA is allowed with a warning. A decision after
/// a re-referral answers it.
/// </summary>
internal static class DecideRoute
{
    public sealed record Request(IReadOnlyList<string>? Routes, IReadOnlyList<string>? OtherRoutes, string? Reason, string? IndividualsView);

    public sealed record Response(Guid Id, Guid ReferralId, IReadOnlyList<string> Routes, IReadOnlyList<string> OtherRoutes, string Reason,
        string IndividualsView, bool FiaCompleted, IReadOnlyList<string> Warnings, DateTimeOffset DecidedAt, string DecidedBy);

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var names = Enum.GetNames<Route>();
        var requested = request.Routes ?? [];
        if (requested.Count == 0 || requested.Any(r => !names.Contains(r, StringComparer.Ordinal)) || requested.Distinct().Count() != requested.Count)
        {
            errors.Add("routes", $"One or more distinct routes of {string.Join(", ", names)}.");
        }

        var otherRoutes = request.OtherRoutes ?? [];
        var known = (await db.ReadActiveListsAsync(cancellationToken)).OtherRoutes;
        if (requested.Contains(nameof(Route.OtherRoute)) && otherRoutes.Count == 0)
        {
            errors.Add("otherRoutes", $"Name the other route(s): {string.Join(", ", known)}.");
        }
        else if (!requested.Contains(nameof(Route.OtherRoute)) && otherRoutes.Count > 0)
        {
            errors.Add("otherRoutes", "Only with the route OtherRoute.");
        }
        else if (otherRoutes.Any(r => !known.Contains(r, StringComparer.Ordinal)) || otherRoutes.Distinct().Count() != otherRoutes.Count)
        {
            errors.Add("otherRoutes", $"Distinct codes of {string.Join(", ", known)}.");
        }

        var reason = errors.Text("reason", request.Reason, required: true, maxLength: 2000);
        var view = errors.Text("individualsView", request.IndividualsView, required: true, maxLength: 4000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var routes = requested.Select(Enum.Parse<Route>).ToList();
        if (application!.RefuseRouteDecision(routes, otherRoutes, DateOnly.FromDateTime(now.UtcDateTime)) is { } refused)
        {
            return refused.ToProblem();
        }

        var decision = application.DecideRoute(routes, otherRoutes, reason!, view!, user.UserName(), now);
        db.Stage(new RouteDecided(id, application.PersonId, application.District, routes, decision.FiaCompleted, now), now);
        db.Audit(user, AuditAction.Created, nameof(RouteDecision), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"{FinancialAidModule.RoutePrefix}/applications/{id}",
            new Response(decision.Id, id, requested, decision.OtherRoutes, decision.Reason, decision.IndividualsView, decision.FiaCompleted,
                AidApplication.RouteWarnings(decision), now, decision.DecidedBy));
    }
}
