using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.Jobbtorg.Persistence.Configurations;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Jobbtorg.Endpoints.CodeLists;

/// <summary>Adds a code to a list; the code is the stable identifier records keep, the label what people read.</summary>
internal static partial class CreateCode
{
    public sealed record Request(string? Code, string? Label, bool? RequiresText, int? SortOrder);

    public static async Task<Results<Created<CodeView>, ValidationProblem, ProblemHttpResult>> Handle(
        string list, Request request, JobbtorgDbContext db, CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var errors = new ValidationErrors();
        var code = request.Code?.Trim() ?? "";
        if (!CodeFormat().IsMatch(code))
        {
            errors.Add("code", $"A code is a letter then letters or digits, at most {Limits.Code} characters, e.g. 'NeedsDebtCounselling'.");
        }

        var label = request.Label?.Trim() ?? "";
        if (label.Length is 0 or > Limits.Label)
        {
            errors.Add("label", $"Give a label of 1 to {Limits.Label} characters.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.Codes.AnyAsync(c => c.List == codeList && c.Code == code, cancellationToken))
        {
            return CaseProblems.AlreadyDone($"The list {list} already has the code '{code}'; change or reactivate it instead.");
        }

        var sortOrder = request.SortOrder
            ?? (await db.Codes.Where(c => c.List == codeList).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 10;
        var created = new ListCode { List = codeList, Code = code, Label = label, RequiresText = request.RequiresText ?? false, SortOrder = sortOrder };
        db.Codes.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{JobbtorgModule.RoutePrefix}/code-lists/{list}/{code}", CodeView.From(created));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,59}$")]
    private static partial Regex CodeFormat();
}
