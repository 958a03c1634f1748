using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.FinancialAid.Endpoints.CodeLists;

/// <summary>Adds a code to a list; the code is the stable identifier records keep, the label what people read.</summary>
internal static class CreateCode
{
    public sealed record Request(string? Code, string? Label, int? SortOrder);

    public static async Task<Results<Created<CodeView>, ValidationProblem, ProblemHttpResult>> Handle(
        string list, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var errors = new ValidationErrors();
        var code = request.Code?.Trim() ?? "";
        var label = request.Label?.Trim();
        CodeListRules.CheckCode(errors, code);
        CodeListRules.CheckLabel(errors, label, required: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var exclusive = CodeListRules.ExclusiveWith(codeList);
        if (await db.Codes.FirstOrDefaultAsync(c => exclusive.Contains(c.List) && c.Code == code, cancellationToken) is { } existing)
        {
            return CaseProblems.AlreadyDone(existing.List == codeList
                ? $"The list {list} already has the code '{code}'; rename or reactivate it instead."
                : $"'{code}' is a {existing.List}; a target group is either Jobbtorg's or another, not both.");
        }

        var sortOrder = request.SortOrder
            ?? (await db.Codes.Where(c => c.List == codeList).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 10;
        var created = new ListCode { List = codeList, Code = code, Label = label!, SortOrder = sortOrder };
        db.Codes.Add(created);
        db.Audit(user, AuditAction.Created, nameof(ListCode), CodeListRoutes.AuditName(codeList, code), null, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{FinancialAidModule.RoutePrefix}/code-lists/{list}/{code}", CodeView.From(created));
    }
}
