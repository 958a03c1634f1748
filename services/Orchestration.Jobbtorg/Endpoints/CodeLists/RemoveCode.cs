using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;

namespace Orchestration.Jobbtorg.Endpoints.CodeLists;

/// <summary>
/// Removes a code nobody used; a code some record carries is only deactivated, so that record keeps its meaning and
/// the code can no longer be chosen.
/// </summary>
internal static class RemoveCode
{
    public static async Task<Results<NoContent, Ok<CodeView>, ProblemHttpResult>> Handle(
        string list, string code, JobbtorgDbContext db, CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var found = await db.Codes.FirstOrDefaultAsync(c => c.List == codeList && c.Code == code, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem($"The list {list} has no code '{code}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var used = codeList == CodeList.InterventionKind
            ? await db.Interventions.AnyAsync(i => i.Kind == code, cancellationToken)
            : await db.ReReferrals.AnyAsync(r => r.ReasonCode == code, cancellationToken);
        if (used)
        {
            found.Active = false;
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(CodeView.From(found));
        }

        db.Codes.Remove(found);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
