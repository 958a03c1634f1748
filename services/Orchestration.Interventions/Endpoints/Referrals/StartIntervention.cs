using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// The person starts the intervention: the assignment, the work plan and the implementation plan must exist (409
/// naming the missing ones). An aid decision the intervention needs is recorded here when given; when it is missing
/// the start goes ahead and the answer carries a warning until it is recorded (the working group's "måste finnas" is
/// a view, not a rule this system enforces).
/// </summary>
internal static class StartIntervention
{
    public sealed record Request(DateOnly? StartedOn, string? AidDecisionReference);

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralLookup.FindAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        if (referral.RefuseStart() is { } refused)
        {
            return refused.ToProblem();
        }

        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var startedOn = errors.PastDate("startedOn", request.StartedOn, DateOnly.FromDateTime(now.UtcDateTime));
        var aidDecision = errors.Text("aidDecisionReference", request.AidDecisionReference, required: false, maxLength: 100);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        referral.Start(startedOn, aidDecision, now, user.UserName());
        db.Stage(new InterventionStarted(referral.ReferralId, referral.Id, referral.InterventionId!.Value, referral.District, now), now);
        if (await ReferralLookup.SaveChangeAsync(db, referral, user, now, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        if (referral.AidDecisionMissing)
        {
            loggers.CreateLogger(typeof(StartIntervention).FullName!).LogWarning(
                "Intervention referral {InterventionReferralId} started without the aid decision its intervention {InterventionId} asks for",
                referral.Id, referral.InterventionId);
        }

        return TypedResults.Ok(ReferralResponse.From(referral));
    }
}
