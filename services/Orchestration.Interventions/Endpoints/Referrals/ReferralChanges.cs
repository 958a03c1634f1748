using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// The one path of a change to an intervention referral: load it for the caller (404, 403 another district's), read
/// the request (400 naming the fields; a closed referral is 409 whatever the request), let the aggregate apply or refuse it (409 with its reason), then stage what
/// it announces, audit and save under a new version (409 when someone else saved it meanwhile).
/// </summary>
internal static class ReferralChanges
{
    public const string CaseType = nameof(InterventionReferral);

    private const string CaseName = "intervention referral";

    public static async Task<(InterventionReferral? Referral, ProblemHttpResult? Problem)> FindAsync(
        InterventionsDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals
            .Include(r => r.Talks)
            .Include(r => r.FollowUps)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return (null, CaseProblems.NotFound(CaseName, id));
        }

        return DistrictAccess.Check(user, referral.District) is { } refused ? (null, refused) : (referral, null);
    }

    /// <summary>
    /// Applies one change: <paramref name="read"/> validates the request into <typeparamref name="TInput"/> (it may
    /// look at the referral, e.g. at its goals), <paramref name="change"/> calls the aggregate, <paramref name="answer"/>
    /// shapes the reply once saved.
    /// </summary>
    public static async Task<Results<TAnswer, ValidationProblem, ProblemHttpResult>> ChangeAsync<TInput, TAnswer>(
        InterventionsDbContext db, Guid id, ClaimsPrincipal user, TimeProvider time,
        Func<InterventionReferral, ValidationErrors, DateTimeOffset, TInput> read,
        Func<InterventionReferral, TInput, DateTimeOffset, StepRefusal?> change,
        Func<InterventionReferral, TInput, TAnswer> answer,
        CancellationToken cancellationToken)
        where TAnswer : IResult
    {
        var (referral, problem) = await FindAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        if (referral.RefuseWhenClosed() is { } closed)
        {
            return closed.ToProblem();
        }

        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var input = read(referral, errors, now);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (change(referral, input, now) is { } refused)
        {
            return refused.ToProblem();
        }

        return await SaveAsync(db, referral, user, now, cancellationToken) is { } conflict ? conflict : answer(referral, input);
    }

    /// <summary>Stages what the referral announced, audits the change and commits it under a new version.</summary>
    public static Task<ProblemHttpResult?> SaveAsync(InterventionsDbContext db, InterventionReferral referral, ClaimsPrincipal user,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        StageAndAudit(db, referral, user, now);
        return db.SaveCaseAsync(referral, CaseName, cancellationToken);
    }

    /// <summary>Stages what the referral announced and audits the change, for the next SaveChanges to commit.</summary>
    public static void StageAndAudit(InterventionsDbContext db, InterventionReferral referral, ClaimsPrincipal user, DateTimeOffset now)
    {
        db.StageAnnouncements(referral, now);
        db.Audit(user, AuditAction.Changed, CaseType, referral.Id, referral.District, now);
    }

    /// <summary>The referral as the answer to a change.</summary>
    public static Ok<ReferralResponse> Answer<TInput>(InterventionReferral referral, TInput input) => TypedResults.Ok(ReferralResponse.From(referral));

    /// <summary>Today's date, the default of "held on", "closed on" and similar days.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
