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

/// <summary>Renames a code, moves it in the order, or retires or reactivates it; the code itself never changes.</summary>
internal static class UpdateCode
{
    public sealed record Request(string? Label, bool? Active, int? SortOrder);

    public static async Task<Results<Ok<CodeView>, ValidationProblem, ProblemHttpResult>> Handle(
        string list, string code, Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var errors = new ValidationErrors();
        var label = request.Label?.Trim();
        CodeListRules.CheckLabel(errors, label, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var found = await db.Codes.FirstOrDefaultAsync(c => c.List == codeList && c.Code == code, cancellationToken);
        if (found is null)
        {
            return NoSuchCode(list, code);
        }

        if (request.Active == false && await RetireCode.IsLastActiveAsync(db, found, cancellationToken))
        {
            return RetireCode.LastActive(list, code);
        }

        found.Label = label ?? found.Label;
        found.Active = request.Active ?? found.Active;
        found.SortOrder = request.SortOrder ?? found.SortOrder;
        db.Audit(user, AuditAction.Changed, nameof(ListCode), CodeListRoutes.AuditName(codeList, code), null, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CodeView.From(found));
    }

    public static ProblemHttpResult NoSuchCode(string list, string code) =>
        TypedResults.Problem($"The list {list} has no code '{code}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
