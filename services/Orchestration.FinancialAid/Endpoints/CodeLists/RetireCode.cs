using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;

namespace Orchestration.FinancialAid.Endpoints.CodeLists;

/// <summary>
/// Retires a code: it can no longer be chosen, while answers and decisions that carry it keep their meaning. Codes
/// live inside recorded answers (JSON), so a code is never deleted; reactivate it with PUT.
/// </summary>
internal static class RetireCode
{
    public static async Task<Results<Ok<CodeView>, ProblemHttpResult>> Handle(
        string list, string code, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var codeList = CodeListRoutes.Parse(list);
        var found = await db.Codes.FirstOrDefaultAsync(c => c.List == codeList && c.Code == code, cancellationToken);
        if (found is null)
        {
            return UpdateCode.NoSuchCode(list, code);
        }

        if (await IsLastActiveAsync(db, found, cancellationToken))
        {
            return LastActive(list, code);
        }

        found.Active = false;
        db.Audit(user, AuditAction.Changed, nameof(ListCode), CodeListRoutes.AuditName(codeList, code), null, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CodeView.From(found));
    }

    /// <summary>An empty list would make the question it answers unanswerable (no FIA area, no other route).</summary>
    public static async Task<bool> IsLastActiveAsync(FinancialAidDbContext db, ListCode code, CancellationToken cancellationToken) =>
        code.Active && !await db.Codes.AnyAsync(c => c.List == code.List && c.Active && c.Code != code.Code, cancellationToken);

    public static ProblemHttpResult LastActive(string list, string code) =>
        TypedResults.Problem($"'{code}' is the last active code of {list}; add another before retiring it.",
            statusCode: StatusCodes.Status409Conflict, title: "Last active code");
}
