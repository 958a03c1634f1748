using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.Jobbtorg.Persistence.Configurations;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Jobbtorg.Endpoints.CodeLists;

/// <summary>Changes a code's label, order, free-text rule or active flag; the code itself never changes.</summary>
internal static class UpdateCode
{
    public sealed record Request(string? Label, bool? RequiresText, bool? Active, int? SortOrder);

    public static async Task<Results<Ok<CodeView>, ValidationProblem, ProblemHttpResult>> Handle(
        string list, string code, Request request, JobbtorgDbContext db, CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var label = request.Label?.Trim();
        if (label is { Length: 0 or > Limits.Label })
        {
            return CaseProblems.Invalid("label", $"Give a label of 1 to {Limits.Label} characters, or leave it out to keep the current one.");
        }

        var found = await db.Codes.FirstOrDefaultAsync(c => c.List == codeList && c.Code == code, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem($"The list {list} has no code '{code}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        found.Label = label ?? found.Label;
        found.RequiresText = request.RequiresText ?? found.RequiresText;
        found.Active = request.Active ?? found.Active;
        found.SortOrder = request.SortOrder ?? found.SortOrder;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CodeView.From(found));
    }
}
