using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.Jobbtorg.Endpoints;

/// <summary>
/// The one path of a change to a Jobbtorg referral: load it (404), refuse a closed one (409), read the request (400
/// naming the fields), let the aggregate apply or refuse the step (409 with its reason), then stage what it
/// announces, audit and save under a new version (409 when someone else saved it meanwhile).
/// </summary>
internal static class ReferralChanges
{
    public const string CaseType = nameof(JobbtorgReferral);

    /// <summary>How problems name the case.</summary>
    public const string CaseName = "Jobbtorg referral";

    /// <summary>
    /// Applies one change: <paramref name="read"/> validates the request into <typeparamref name="TInput"/>,
    /// <paramref name="change"/> calls the aggregate, <paramref name="answer"/> shapes the reply once saved;
    /// <paramref name="findPart"/> answers 404 for a part of the referral the route names (an intervention).
    /// </summary>
    public static async Task<Results<TAnswer, ValidationProblem, ProblemHttpResult>> ChangeAsync<TInput, TAnswer>(
        JobbtorgDbContext db, Guid id, ClaimsPrincipal user, TimeProvider time,
        Func<JobbtorgReferral, ValidationErrors, DateTimeOffset, Task<TInput>> read,
        Func<JobbtorgReferral, TInput, DateTimeOffset, StepRefusal?> change,
        Func<JobbtorgReferral, TInput, Task<TAnswer>> answer,
        CancellationToken cancellationToken,
        Func<JobbtorgReferral, ProblemHttpResult?>? findPart = null)
        where TAnswer : IResult
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        if (referral is null)
        {
            return CaseProblems.NotFound(CaseName, id);
        }

        if (findPart?.Invoke(referral) is { } partMissing)
        {
            return partMissing;
        }

        if (referral.RefuseWhenClosed() is { } closed)
        {
            return closed.ToProblem();
        }

        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var input = await read(referral, errors, now);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (change(referral, input, now) is { } refused)
        {
            return refused.ToProblem();
        }

        StageAndAudit(db, referral, user, now);
        return await db.SaveCaseAsync(referral, CaseName, cancellationToken) is { } conflict ? conflict : await answer(referral, input);
    }

    /// <summary>Stages what the referral announced and audits the change, for the next SaveChanges to commit.</summary>
    public static void StageAndAudit(JobbtorgDbContext db, JobbtorgReferral referral, ClaimsPrincipal user, DateTimeOffset now)
    {
        db.StageAnnouncements(referral, now);
        db.Audit(user, AuditAction.Changed, CaseType, referral.Id, referral.District, now);
    }

    /// <summary>The referral as the answer to a change.</summary>
    public static async Task<Ok<ReferralResponse>> AnswerAsync(this JobbtorgDbContext db, JobbtorgReferral referral, CancellationToken cancellationToken) =>
        TypedResults.Ok(await GetReferral.ViewAsync(db, referral, cancellationToken));

    /// <summary>Free text as kept: trimmed, null when blank; longer than the column allows is a 400.</summary>
    public static string? Note(this ValidationErrors errors, string field, string? text) =>
        errors.Text(field, text, required: false, maxLength: Persistence.Configurations.Limits.FreeText);

    /// <summary>404 unless the referral holds the intervention.</summary>
    public static Func<JobbtorgReferral, ProblemHttpResult?> Intervention(Guid interventionId) =>
        referral => referral.Interventions.Any(i => i.Id == interventionId) ? null : CaseProblems.NotFound("Jobbtorg intervention", interventionId);

    /// <summary>The intervention as the answer to a change of it.</summary>
    public static Task<Ok<InterventionView>> AnswerIntervention(JobbtorgReferral referral, Guid interventionId) =>
        Task.FromResult(TypedResults.Ok(InterventionView.From(referral.Interventions.Single(i => i.Id == interventionId))));

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
