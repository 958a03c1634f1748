using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Contracts.Jobbtorg.Events;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.Jobbtorg.Endpoints.Interventions;

/// <summary>
/// A running Jobbtorg intervention ends, completed (genomförd) or broken off (avbruten). Broken off may open a gap
/// with no active intervention (glapp, seed 004), which the workflow watches.
/// </summary>
internal static class EndIntervention
{
    public sealed record Request(bool? Completed);

    public static async Task<Results<Ok<InterventionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Guid interventionId, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        var intervention = referral?.Interventions.FirstOrDefault(i => i.Id == interventionId);
        if (referral is null || intervention is null)
        {
            return referral is null ? CaseProblems.NotFound("Jobbtorg referral", id) : CaseProblems.NotFound("Jobbtorg intervention", interventionId);
        }

        if (request.Completed is not { } completed)
        {
            return CaseProblems.Invalid("completed", "Say whether the intervention was completed (true) or broken off (false).");
        }

        if (CaseChanges.RefuseIfClosed(referral) is { } closed)
        {
            return closed;
        }

        switch (intervention.State)
        {
            case InterventionState.Booked:
                return CaseProblems.OutOfOrder($"Intervention {interventionId} never started; start it before it can end.");
            case InterventionState.Ended or InterventionState.Cancelled:
                return CaseProblems.AlreadyDone($"Intervention {interventionId} is already {intervention.State.ToString().ToLowerInvariant()}.");
        }

        var now = time.GetUtcNow();
        intervention.State = InterventionState.Ended;
        intervention.EndedAt = now;
        intervention.Completed = completed;
        db.Stage(new JobbtorgInterventionEnded(referral.ReferralId, intervention.Id, completed, now), now);
        db.Audit(user, AuditAction.Changed, CaseChanges.CaseType, referral.Id, referral.District, now);
        if (await db.SaveCaseAsync(referral, CaseChanges.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(InterventionView.From(intervention));
    }
}
