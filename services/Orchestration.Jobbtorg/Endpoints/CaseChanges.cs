using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.Jobbtorg.Endpoints;

/// <summary>The checks and the save every change of a Jobbtorg referral goes through.</summary>
internal static class CaseChanges
{
    public const string CaseType = nameof(JobbtorgReferral);

    /// <summary>409 once the referral went back to the district: a re-referred case takes no more changes.</summary>
    public static ProblemHttpResult? RefuseIfClosed(JobbtorgReferral referral) =>
        referral.IsClosed
            ? CaseProblems.OutOfOrder($"Referral {referral.Id} was re-referred to the district; it takes no more changes. A new referral from the district opens a new record.")
            : null;

    /// <summary>409 until Jobbtorg has met the person (first visit or Resurs intake).</summary>
    public static ProblemHttpResult? RefuseUntilTakenIn(JobbtorgReferral referral, string step) =>
        referral.IsTakenIn
            ? null
            : CaseProblems.OutOfOrder($"Record the intake (first visit with mapping part 2, or the Jobbtorg Resurs intake) of referral {referral.Id} before {step}.");

    /// <summary>Saves the change, or answers 409 when another caseworker changed the referral in the meantime.</summary>
    public static async Task<ProblemHttpResult?> SaveAsync(JobbtorgDbContext db, JobbtorgReferral referral, CancellationToken cancellationToken)
    {
        referral.Touch();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem($"Referral {referral.Id} was changed by someone else meanwhile; read it again and retry.",
                statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");
        }
    }
}
