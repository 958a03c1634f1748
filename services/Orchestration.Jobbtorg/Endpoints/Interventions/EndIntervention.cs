using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Persistence;

namespace Orchestration.Jobbtorg.Endpoints.Interventions;

/// <summary>
/// A running Jobbtorg intervention ends, completed (genomförd) or broken off (avbruten). Broken off may open a gap
/// with no active intervention (glapp, seed 004), which the workflow watches.
/// </summary>
internal static class EndIntervention
{
    public sealed record Request(bool? Completed);

    public static Task<Results<Ok<InterventionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Guid interventionId, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, _) =>
            {
                if (request.Completed is null)
                {
                    errors.Add("completed", "Say whether the intervention was completed (true) or broken off (false).");
                }

                return Task.FromResult(request.Completed ?? false);
            },
            (referral, completed, now) => referral.EndIntervention(interventionId, completed, now),
            (referral, _) => ReferralChanges.AnswerIntervention(referral, interventionId),
            cancellationToken,
            ReferralChanges.Intervention(interventionId));
}
