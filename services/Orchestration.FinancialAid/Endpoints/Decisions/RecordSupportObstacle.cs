using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.FinancialAid.Events;
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
/// Records the person's support obstacle once mapping part 3 is done (DOMAIN.md §3 step 4). It may be recorded again
/// when circumstances change; the latest is current. The category never leaves this module.
/// </summary>
internal static class RecordSupportObstacle
{
    public sealed record Request(string? Category, string? Note);

    public sealed record Response(Guid Id, Guid ReferralId, string Category, string? Note, DateTimeOffset RecordedAt, string RecordedBy);

    public static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.OneOf("category", request.Category, Enum.GetNames<SupportObstacleCategory>());
        errors.MaxLength("note", request.Note, 2000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (application!.RefuseSupportObstacle() is { } refused)
        {
            return refused.ToProblem();
        }

        var now = time.GetUtcNow();
        var obstacle = application.RecordSupportObstacle(Enum.Parse<SupportObstacleCategory>(request.Category!), request.Note, user.UserName(), now);
        db.Stage(new SupportObstacleRecorded(id, application.District, now), now);
        db.Audit(user, AuditAction.Created, nameof(SupportObstacle), id, application.District, now);
        if (await db.SaveCaseAsync(application, FinancialAidCases.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"{FinancialAidModule.RoutePrefix}/applications/{id}",
            new Response(obstacle.Id, id, obstacle.Category.ToString(), obstacle.Note, now, obstacle.RecordedBy));
    }
}
