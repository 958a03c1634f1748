using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.Cases;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;

namespace Orchestration.FinancialAid.Endpoints.Consents;

internal static class ListConsents
{
    public static async Task<Results<Ok<IReadOnlyList<ConsentResponse>>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (application, problem) = await FinancialAidCases.FindForCaseworkerAsync(db, id, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var consents = application!.Consents.OrderBy(c => c.RecordedAt).Select(c => ConsentResponse.From(c, today)).ToList();
        db.Audit(user, AuditAction.Read, nameof(Consent), id, application.District, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConsentResponse>>(consents);
    }
}
