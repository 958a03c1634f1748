using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Jobbtorg.Endpoints.Interventions;

/// <summary>
/// Books a Jobbtorg intervention of a kind from the editable list; it starts later (the queue time, "kötid", seed 004).
/// Several may follow one another, and any may run beside a district intervention.
/// </summary>
internal static class BookIntervention
{
    public sealed record Request(string? Kind, DateOnly? PlannedStartOn);

    public static Task<Results<Ok<InterventionView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, JobbtorgDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            async (referral, errors, now) =>
            {
                var kind = await Codes.FindActiveAsync(db, CodeList.InterventionKind, request.Kind, "kind", errors, cancellationToken);
                if (request.PlannedStartOn < ReferralChanges.Today(now))
                {
                    errors.Add("plannedStartOn", "A planned start lies today or later.");
                }

                return new JobbtorgIntervention
                {
                    Id = Guid.NewGuid(),
                    JobbtorgReferralId = referral.Id,
                    Kind = kind?.Code ?? "",
                    PlannedStartOn = request.PlannedStartOn,
                    BookedAt = now,
                    BookedBy = user.UserName(),
                };
            },
            (referral, intervention, _) => referral.BookIntervention(intervention),
            (_, intervention) => Task.FromResult(TypedResults.Ok(InterventionView.From(intervention))),
            cancellationToken);
}
