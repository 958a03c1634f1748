using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// The work plan (arbetsplan) and the implementation plan (genomförandeplan) that seed 002 says must exist for every
/// participant: written or revised once the intervention is chosen, both required before the start.
/// </summary>
internal static class WritePlans
{
    public sealed record WorkPlanRequest(string? Content, int? HoursPerWeek);

    public sealed record ImplementationPlanRequest(string? Content, DateOnly? PlannedStartOn, DateOnly? PlannedEndOn);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> WriteWorkPlan(
        Guid id, WorkPlanRequest request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, now) =>
            {
                var content = errors.Text("content", request.Content, required: true);
                if (request.HoursPerWeek is < 1 or > 40)
                {
                    errors.Add("hoursPerWeek", "Between 1 and 40 hours a week.");
                }

                return new WorkPlan(content ?? "", request.HoursPerWeek, now, user.UserName());
            },
            (referral, plan, _) => referral.WriteWorkPlan(plan),
            ReferralChanges.Answer,
            cancellationToken);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> WriteImplementationPlan(
        Guid id, ImplementationPlanRequest request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, now) =>
            {
                var content = errors.Text("content", request.Content, required: true);
                if (request.PlannedStartOn is { } start && request.PlannedEndOn is { } end && end < start)
                {
                    errors.Add("plannedEndOn", "The planned end lies before the planned start.");
                }

                return new ImplementationPlan(content ?? "", request.PlannedStartOn, request.PlannedEndOn, now, user.UserName());
            },
            (referral, plan, _) => referral.WriteImplementationPlan(plan),
            ReferralChanges.Answer,
            cancellationToken);
}
