using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Persistence;

namespace Orchestration.FinancialAid.Endpoints.CodeLists;

/// <summary>Every code of a list, retired ones included, for the process owner.</summary>
internal static class ListAllCodes
{
    public static async Task<Ok<List<CodeView>>> Handle(string list, FinancialAidDbContext db, CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var codes = await db.Codes.AsNoTracking().Where(c => c.List == codeList).OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(codes.Select(CodeView.From).ToList());
    }
}
