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

namespace Orchestration.FinancialAid.Endpoints.Consents;

/// <summary>The individual withdraws a consent: from this moment it opens nothing. Withdrawn once.</summary>
internal static class WithdrawConsent
{
    public static async Task<Results<Ok<ConsentResponse>, ProblemHttpResult>> Handle(
        Guid id, Guid consentId, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var consent = application!.Consents.FirstOrDefault(c => c.Id == consentId);
        if (consent is null)
        {
            return CaseProblems.NotFound("consent", consentId);
        }

        // A withdrawal stays possible on a closed case: it only narrows what may be shared.
        var now = time.GetUtcNow();
        if (consent.Withdraw(user.UserName(), now) is { } refused)
        {
            return refused.ToProblem();
        }

        db.Stage(new ConsentWithdrawn(id, consent.Id, consent.Scope, now), now);
        db.Audit(user, AuditAction.Changed, nameof(Consent), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(ConsentResponse.From(consent, DateOnly.FromDateTime(now.UtcDateTime)));
    }
}
