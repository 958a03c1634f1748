using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Persistence;

namespace Orchestration.Jobbtorg.Endpoints.CodeLists;

/// <summary>Every code of a list, deactivated ones included, for the process owner.</summary>
internal static class ListAllCodes
{
    public static async Task<Ok<List<CodeView>>> Handle(string list, JobbtorgDbContext db, CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var codes = await db.Codes.AsNoTracking().Where(c => c.List == codeList).OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(codes.Select(CodeView.From).ToList());
    }
}
