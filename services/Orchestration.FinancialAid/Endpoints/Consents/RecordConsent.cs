using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Endpoints.Instruments;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Consents;

/// <summary>Records the individual's consent: scope, how it was given, from which day and until when (DOMAIN.md §13).</summary>
internal static class RecordConsent
{
    public sealed record Request(string? Scope, string? Method, DateOnly? GivenOn, DateOnly? ValidUntil);

    public static async Task<Results<Created<ConsentResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new ValidationErrors();
        errors.OneOf("scope", request.Scope, Enum.GetNames<ConsentScope>());
        errors.OneOf("method", request.Method, Enum.GetNames<ConsentMethod>());
        errors.Required("givenOn", request.GivenOn);
        errors.NotInFuture("givenOn", request.GivenOn, today);
        if (request.ValidUntil < request.GivenOn)
        {
            errors.Add("validUntil", "Cannot end before the consent was given.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
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

        var consent = application.RecordConsent(Enum.Parse<ConsentScope>(request.Scope!), Enum.Parse<ConsentMethod>(request.Method!), request.GivenOn!.Value,
            request.ValidUntil, user.UserName(), now);
        db.Stage(new ConsentRecorded(id, consent.Id, consent.Scope, consent.ValidUntil, now), now);
        db.Audit(user, AuditAction.Created, nameof(Consent), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"{FinancialAidModule.RoutePrefix}/applications/{id}/consents", ConsentResponse.From(consent, today));
    }
}
