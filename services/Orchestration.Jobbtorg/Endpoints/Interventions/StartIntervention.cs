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

/// <summary>A booked Jobbtorg intervention starts; the workflow may schedule a closer follow-up at a (re)start (seed 004).</summary>
internal static class StartIntervention
{
    public static async Task<Results<Ok<InterventionView>, ProblemHttpResult>> Handle(
        Guid id, Guid interventionId, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.FindReferralAsync(id, cancellationToken);
        var intervention = referral?.Interventions.FirstOrDefault(i => i.Id == interventionId);
        if (referral is null || intervention is null)
        {
            return referral is null ? CaseProblems.NotFound("Jobbtorg referral", id) : CaseProblems.NotFound("Jobbtorg intervention", interventionId);
        }

        if (CaseChanges.RefuseIfClosed(referral) is { } closed)
        {
            return closed;
        }

        if (intervention.State != InterventionState.Booked)
        {
            return CaseProblems.AlreadyDone($"Intervention {interventionId} is already {intervention.State.ToString().ToLowerInvariant()}; it starts once.");
        }

        var now = time.GetUtcNow();
        intervention.State = InterventionState.Started;
        intervention.StartedAt = now;
        db.Stage(new JobbtorgInterventionStarted(referral.ReferralId, intervention.Id, now), now);
        db.Audit(user, AuditAction.Changed, CaseChanges.CaseType, referral.Id, referral.District, now);
        if (await db.SaveCaseAsync(referral, CaseChanges.CaseName, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(InterventionView.From(intervention));
    }
}
