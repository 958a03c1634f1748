using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Endpoints.CodeLists;

/// <summary>Sets the longest validity of an aid decision; decisions already made keep their period.</summary>
internal static class SetAidDecisionCap
{
    public sealed record Request(int? Days);

    public sealed record Response(int Days);

    public static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        Request request, ClaimsPrincipal user, FinancialAidDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        CodeListRules.CheckAidDecisionCap(errors, request.Days);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Name == ProcessSetting.AidDecisionMaxValidityDays, cancellationToken);
        if (setting is null)
        {
            setting = new ProcessSetting { Name = ProcessSetting.AidDecisionMaxValidityDays };
            db.Settings.Add(setting);
        }

        setting.Value = request.Days!.Value;
        db.Audit(user, AuditAction.Changed, nameof(ProcessSetting), ProcessSetting.AidDecisionMaxValidityDays, null, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(setting.Value));
    }
}
