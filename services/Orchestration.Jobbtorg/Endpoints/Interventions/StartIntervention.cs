using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Persistence;

namespace Orchestration.Jobbtorg.Endpoints.Interventions;

/// <summary>A booked Jobbtorg intervention starts; the workflow may schedule a closer follow-up at a (re)start (seed 004).</summary>
internal static class StartIntervention
{
    public static Task<Results<Ok<InterventionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Guid interventionId, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, _, _) => Task.FromResult(interventionId),
            (referral, _, now) => referral.StartIntervention(interventionId, now),
            ReferralChanges.AnswerIntervention,
            cancellationToken,
            ReferralChanges.Intervention(interventionId));
}
