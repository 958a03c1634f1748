using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestration.Contracts.FollowUps.Events;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Endpoints.Inbox;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.FollowUps.Endpoints.Deadlines;

/// <summary>
/// A social secretary of the district moves one follow-up's date with a reason (DOMAIN.md §5: the date is a "bör"
/// default). The move is kept with its reason and audited; a weekend or holiday moves on to the next working day.
/// </summary>
internal static class MoveDeadline
{
    public sealed record Request(DateOnly? DueOn, string? Reason);

    public static async Task<Results<Ok<DeadlineView>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, Request request, ClaimsPrincipal user,
        FollowUpsDbContext db, SwedishWorkingDays calendar, TimeProvider time, IOptions<FollowUpsOptions> options, CancellationToken cancellationToken)
    {
        if (request.DueOn is not { } dueOn)
        {
            return CaseProblems.Invalid("dueOn", "Required: the new due date (yyyy-MM-dd).");
        }

        var (deadline, problem) = await DeadlineLookup.FindAsync(db, id, user, cancellationToken);
        if (deadline is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var timing = options.Value.Timing();
        var from = deadline.DueOn;
        if (deadline.Move(dueOn, request.Reason, user.UserName(), now, calendar, timing) is { } refusal)
        {
            return refusal.Field is { } field ? CaseProblems.Invalid(field, refusal.Reason) : CaseProblems.OutOfOrder(refusal.Reason);
        }

        db.Stage(new FollowUpDateMoved(deadline.ReferralId, deadline.InterventionReferralId, deadline.Id, from, deadline.DueOn, now), now);
        db.Audit(user, AuditAction.Changed, DeadlineLookup.CaseType, deadline.Id, deadline.District, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem("The deadline changed meanwhile (a reminder went out or someone moved it); read it again and retry.",
                statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");
        }

        return TypedResults.Ok(DeadlineView.From(deadline, now, timing));
    }
}
