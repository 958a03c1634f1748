using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>
/// Jobbtorg Resurs takes the person in, with the planned transfer date: the district intervention goes on until
/// then (the overlap), so the person has no gap between the two.
/// </summary>
internal static class RecordResursIntake
{
    public sealed record Request(DateOnly? PlannedTransferOn);

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        if (referral is null)
        {
            return CaseProblems.NotFound("Jobbtorg referral", id);
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (request.PlannedTransferOn is not { } transferOn || transferOn < today)
        {
            return CaseProblems.Invalid("plannedTransferOn", $"Give the planned transfer date, today ({today:yyyy-MM-dd}) or later.");
        }

        if (CaseChanges.RefuseIfClosed(referral) is { } closed)
        {
            return closed;
        }

        if (referral.Unit != JobbtorgUnit.JobbtorgResurs)
        {
            return CaseProblems.OutOfOrder($"Referral {id} is to {referral.Unit}, not to Jobbtorg Resurs; the district refers to Resurs with a referral of its own.");
        }

        if (referral.ResursIntake is not null)
        {
            return CaseProblems.AlreadyDone($"The Jobbtorg Resurs intake of referral {id} was recorded at {referral.ResursIntake.CompletedAt:u}; it is recorded once.");
        }

        referral.ResursIntake = new ResursIntake
        {
            JobbtorgReferralId = referral.Id,
            PlannedTransferOn = transferOn,
            CompletedAt = now,
            CompletedBy = user.UserName(),
        };
        referral.Status = ReferralStatus.TakenIn;
        db.Stage(new ResursIntakeCompleted(referral.ReferralId, referral.Id, transferOn, now), now);
        db.Audit(user, AuditAction.Changed, CaseChanges.CaseType, referral.Id, referral.District, now);
        if (await db.SaveCaseAsync(referral, CaseChanges.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(await GetReferral.ViewAsync(db, referral, cancellationToken));
    }
}
