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

namespace Orchestration.FinancialAid.Endpoints.Responsibility;

/// <summary>
/// A social secretary or coordinator of the district makes another social secretary (account user name) responsible
/// for the case; ResponsibleSocialSecretaryAssigned moves the open follow-ups, their reminders and the inbox to them.
/// </summary>
internal static class AssignResponsible
{
    public sealed record Request(string? SocialSecretary);

    public sealed record Response(Guid ReferralId, string ResponsibleSocialSecretary, DateTimeOffset ResponsibleSince);

    public static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var socialSecretary = errors.Text("socialSecretary", request.SocialSecretary, required: true, maxLength: 100);
        if (socialSecretary?.Any(char.IsWhiteSpace) == true)
        {
            errors.Add("socialSecretary", "An account user name, without spaces.");
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

        if (application!.RefuseAssignment(socialSecretary!) is { } refused)
        {
            return refused.ToProblem();
        }

        var now = time.GetUtcNow();
        application.AssignResponsible(socialSecretary!, now);
        db.Stage(new ResponsibleSocialSecretaryAssigned(id, application.District, socialSecretary!, now), now);
        db.Audit(user, AuditAction.Changed, nameof(AidApplication), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(new Response(id, application.ResponsibleSocialSecretary, application.ResponsibleSince));
    }
}
