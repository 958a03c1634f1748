using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Orchestration.Interventions.Persistence;
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

    private sealed record Input(DateOnly StartedOn, string? AidDecisionReference);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, now) => new Input(
                errors.PastDate("startedOn", request.StartedOn, ReferralChanges.Today(now)),
                errors.Text("aidDecisionReference", request.AidDecisionReference, required: false, maxLength: 100)),
            (referral, input, now) => referral.Start(input.StartedOn, input.AidDecisionReference, now, user.UserName()),
            (referral, input) =>
            {
                if (referral.AidDecisionMissing)
                {
                    loggers.CreateLogger(typeof(StartIntervention).FullName!).LogWarning(
                        "Intervention referral {InterventionReferralId} started without the aid decision its intervention {InterventionId} asks for",
                        referral.Id, referral.InterventionId);
                }

                return ReferralChanges.Answer(referral, input);
            },
            cancellationToken);
}
