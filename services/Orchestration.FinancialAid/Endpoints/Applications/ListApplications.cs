using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FinancialAid.Endpoints.Applications;

/// <summary>The caller's district's referrals, newest first, without personnummer (open one to see it masked).</summary>
internal static class ListApplications
{
    public sealed record Item(Guid ReferralId, Guid PersonId, DateTimeOffset RegisteredAt, string RegisteredBy);

    public static async Task<Results<Ok<IReadOnlyList<Item>>, ValidationProblem, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, FinancialAidDbContext db, int? skip, int? take, CancellationToken cancellationToken)
    {
        if (skip < 0 || take is < 1 or > 200)
        {
            return CaseProblems.Invalid("take", "skip ≥ 0 and take between 1 and 200.");
        }

        var district = user.FindFirstValue(OrchestrationClaims.District);
        if (DistrictAccess.Check(user, district ?? "") is { } refused)
        {
            return refused;
        }

        var items = await db.Applications.AsNoTracking().Where(a => a.District == district)
            .OrderByDescending(a => a.RegisteredAt).ThenBy(a => a.Id).Skip(skip ?? 0).Take(take ?? 50)
            .Select(a => new Item(a.Id, a.PersonId, a.RegisteredAt, a.RegisteredBy))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Item>>(items);
    }
}
