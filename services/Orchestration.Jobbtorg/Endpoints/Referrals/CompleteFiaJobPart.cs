using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.Jobbtorg.Persistence.Configurations;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>The FIA education and job-seeking part, once, after Jobbtorg has met the person.</summary>
internal static class CompleteFiaJobPart
{
    public sealed record Request(string? Goal, bool? NeedsValidation, string? Notes);

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        if (referral is null)
        {
            return CaseProblems.NotFound("Jobbtorg referral", id);
        }

        var errors = new ValidationErrors();
        var goal = errors.Code<WorkGoal>("goal", request.Goal, required: true);
        if (request.Notes is { Length: > Limits.FreeText })
        {
            errors.Add("notes", $"At most {Limits.FreeText} characters.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if ((CaseChanges.RefuseIfClosed(referral) ?? CaseChanges.RefuseUntilTakenIn(referral, "the FIA education/job part")) is { } refused)
        {
            return refused;
        }

        if (referral.FiaJobPart is not null)
        {
            return CaseProblems.AlreadyDone($"The FIA education/job part of referral {id} was recorded at {referral.FiaJobPart.CompletedAt:u}; it is recorded once.");
        }

        var now = time.GetUtcNow();
        referral.FiaJobPart = new FiaJobPart
        {
            JobbtorgReferralId = referral.Id,
            Goal = goal!.Value,
            NeedsValidation = request.NeedsValidation ?? false,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            CompletedAt = now,
            CompletedBy = user.UserName(),
        };
        db.Stage(new FiaJobPartCompleted(referral.ReferralId, referral.Id, now), now);
        db.Audit(user, AuditAction.Changed, CaseChanges.CaseType, referral.Id, referral.District, now);
        if (await db.SaveCaseAsync(referral, CaseChanges.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(await GetReferral.ViewAsync(db, referral, cancellationToken));
    }
}
