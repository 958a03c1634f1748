using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Interventions;

/// <summary>
/// Books a Jobbtorg intervention of a kind from the editable list; it starts later (the queue time, "kötid", seed 004).
/// Several may follow one another, and any may run beside a district intervention.
/// </summary>
internal static class BookIntervention
{
    public sealed record Request(string? Kind, DateOnly? PlannedStartOn);

    public static async Task<Results<Ok<InterventionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        if (referral is null)
        {
            return CaseProblems.NotFound("Jobbtorg referral", id);
        }

        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var kind = await Codes.FindActiveAsync(db, CodeList.InterventionKind, request.Kind, "kind", errors, cancellationToken);
        if (request.PlannedStartOn is { } planned && planned < DateOnly.FromDateTime(now.UtcDateTime))
        {
            errors.Add("plannedStartOn", "A planned start lies today or later.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if ((CaseChanges.RefuseIfClosed(referral) ?? CaseChanges.RefuseUntilTakenIn(referral, "booking a Jobbtorg intervention")) is { } refused)
        {
            return refused;
        }

        var intervention = new JobbtorgIntervention
        {
            Id = Guid.NewGuid(),
            JobbtorgReferralId = referral.Id,
            Kind = kind!.Code,
            PlannedStartOn = request.PlannedStartOn,
            State = InterventionState.Booked,
            BookedAt = now,
            BookedBy = user.UserName(),
        };
        referral.Interventions.Add(intervention);
        db.Audit(user, AuditAction.Changed, CaseChanges.CaseType, referral.Id, referral.District, now);
        if (await db.SaveCaseAsync(referral, CaseChanges.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(InterventionView.From(intervention));
    }
}
