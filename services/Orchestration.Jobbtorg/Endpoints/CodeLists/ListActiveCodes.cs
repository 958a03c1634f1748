using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Persistence;

namespace Orchestration.Jobbtorg.Endpoints.CodeLists;

/// <summary>The active codes of a list, in the process owner's order: what a coach may choose from.</summary>
internal static class ListActiveCodes
{
    public static async Task<Ok<List<CodeView>>> Handle(string list, JobbtorgDbContext db, CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var codes = await db.Codes.AsNoTracking().Where(c => c.List == codeList && c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(codes.Select(CodeView.From).ToList());
    }
}
