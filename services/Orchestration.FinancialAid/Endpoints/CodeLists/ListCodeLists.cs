using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;

namespace Orchestration.FinancialAid.Endpoints.CodeLists;

/// <summary>The codes answers may choose now (retired ones left out) with their Swedish labels, so a form offers exactly those.</summary>
internal static class ListCodeLists
{
    public sealed record Response(
        IReadOnlyList<string> JobbtorgTargetGroups,
        IReadOnlyList<string> OtherTargetGroups,
        IReadOnlyList<string> FiaSocialAreas,
        IReadOnlyList<string> OtherRoutes,
        IReadOnlyList<string> ClosureOutcomes,
        int AidDecisionMaxValidityDays,
        IReadOnlyDictionary<CodeList, IReadOnlyDictionary<string, string>> Labels);

    public static async Task<Ok<Response>> Handle(FinancialAidDbContext db, CancellationToken cancellationToken)
    {
        var lists = await db.ReadActiveListsAsync(cancellationToken);
        var labels = (await db.Codes.AsNoTracking().Where(c => c.Active).ToListAsync(cancellationToken))
            .GroupBy(c => c.List)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(c => c.Code, c => c.Label, StringComparer.Ordinal));
        return TypedResults.Ok(new Response(lists.JobbtorgTargetGroups, lists.OtherTargetGroups, lists.FiaSocialAreas, lists.OtherRoutes,
            Enum.GetNames<ClosureOutcome>(), lists.AidDecisionMaxValidityDays, labels));
    }
}
