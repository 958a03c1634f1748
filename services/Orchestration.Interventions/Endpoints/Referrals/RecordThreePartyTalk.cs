using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// Records a three-party talk (trepartssamtal): recommended, optional, possible at any time before the closure. Other
/// participants are named by role only.
/// </summary>
internal static class RecordThreePartyTalk
{
    public sealed record Request(DateOnly? HeldOn, IReadOnlyList<string>? OtherParticipants, string? Summary);

    public static Task<Results<Created<ThreePartyTalkResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (referral, errors, now) =>
            {
                if (request.HeldOn is null)
                {
                    // A talk is a meeting that took place: without its day there is nothing to record (never "today" by default).
                    errors.Add("heldOn", "The day the talk was held is required.");
                }

                return new ThreePartyTalk
                {
                    Id = Guid.NewGuid(),
                    InterventionReferralId = referral.Id,
                    HeldOn = errors.PastDate("heldOn", request.HeldOn, ReferralChanges.Today(now)),
                    OtherParticipants = (request.OtherParticipants ?? [])
                        .Select((p, i) => errors.Text($"otherParticipants[{i}]", p, required: true, maxLength: 100)!)
                        .ToList(),
                    Summary = errors.Text("summary", request.Summary, required: false),
                    RecordedAt = now,
                    RecordedBy = user.UserName(),
                };
            },
            (referral, talk, _) => referral.RecordTalk(talk),
            (referral, talk) => TypedResults.Created($"{InterventionsModule.RoutePrefix}/referrals/{referral.Id}", ThreePartyTalkResponse.From(talk)),
            cancellationToken);
}
