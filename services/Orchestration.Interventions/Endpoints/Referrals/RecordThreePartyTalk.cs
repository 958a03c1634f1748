using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// Records a three-party talk (trepartssamtal): recommended, optional, possible at any time before the closure. Other
/// participants are named by role only.
/// </summary>
internal static class RecordThreePartyTalk
{
    public sealed record Request(DateOnly? HeldOn, IReadOnlyList<string>? OtherParticipants, string? Summary);

    public static async Task<Results<Created<ThreePartyTalkResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralLookup.FindOpenAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        if (request.HeldOn is null)
        {
            // A talk is a meeting that took place: without its day there is nothing to record (never "today" by default).
            errors.Add("heldOn", "The day the talk was held is required.");
        }

        var heldOn = errors.PastDate("heldOn", request.HeldOn, DateOnly.FromDateTime(now.UtcDateTime));
        var participants = (request.OtherParticipants ?? [])
            .Select((p, i) => errors.Text($"otherParticipants[{i}]", p, required: true, maxLength: 100)!)
            .ToList();
        var summary = errors.Text("summary", request.Summary, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var talk = new ThreePartyTalk
        {
            Id = Guid.NewGuid(),
            InterventionReferralId = referral.Id,
            HeldOn = heldOn,
            OtherParticipants = participants,
            Summary = summary,
            RecordedAt = now,
            RecordedBy = user.UserName(),
        };
        db.Talks.Add(talk);
        if (await ReferralLookup.SaveChangeAsync(db, referral, user, now, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"/api/interventions/referrals/{referral.Id}", ThreePartyTalkResponse.From(talk));
    }
}
