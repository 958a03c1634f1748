using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orchestration.FollowUps.Endpoints.Inbox;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Auditing;

namespace Orchestration.FollowUps.Endpoints.Deadlines;

/// <summary>One deadline of the caller's district, open or closed, with its notices and moves (the read is audited).</summary>
internal static class GetDeadline
{
    public static async Task<Results<Ok<DeadlineView>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, FollowUpsDbContext db, TimeProvider time,
        IOptions<FollowUpsOptions> options, CancellationToken cancellationToken)
    {
        var (deadline, problem) = await DeadlineLookup.FindAsync(db, id, user, cancellationToken);
        if (deadline is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        db.Audit(user, AuditAction.Read, DeadlineLookup.CaseType, deadline.Id, deadline.District, now);
        await db.SaveChangesAsync(cancellationToken);
        var progress = await db.StagesOfAsync([deadline.ReferralId], cancellationToken);
        return TypedResults.Ok(DeadlineView.From(deadline, now, options.Value.Timing(), progress.GetValueOrDefault(deadline.ReferralId)));
    }
}
