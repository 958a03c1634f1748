using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
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

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> WriteWorkPlan(
        Guid id, WorkPlanRequest request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralLookup.FindAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        if (RefuseBeforeChoiceOrAfterClosure(referral) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var content = errors.Text("content", request.Content, required: true);
        if (request.HoursPerWeek is < 1 or > 40)
        {
            errors.Add("hoursPerWeek", "Between 1 and 40 hours a week.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow();
        referral.WorkPlan = new WorkPlan(content!, request.HoursPerWeek, now, user.UserName());
        return await ReferralLookup.SaveChangeAsync(db, referral, user, now, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(ReferralResponse.From(referral));
    }

    public static async Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> WriteImplementationPlan(
        Guid id, ImplementationPlanRequest request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (referral, problem) = await ReferralLookup.FindAsync(db, id, user, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        if (RefuseBeforeChoiceOrAfterClosure(referral) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var content = errors.Text("content", request.Content, required: true);
        if (request.PlannedStartOn is { } start && request.PlannedEndOn is { } end && end < start)
        {
            errors.Add("plannedEndOn", "The planned end lies before the planned start.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow();
        referral.ImplementationPlan = new ImplementationPlan(content!, request.PlannedStartOn, request.PlannedEndOn, now, user.UserName());
        return await ReferralLookup.SaveChangeAsync(db, referral, user, now, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(ReferralResponse.From(referral));
    }

    private static ProblemHttpResult? RefuseBeforeChoiceOrAfterClosure(InterventionReferral referral) =>
        ReferralLookup.RefuseWhenClosed(referral)
        ?? (referral.State == ReferralState.Opened ? CaseProblems.OutOfOrder("Choose the intervention first: the plans are for a place in it.") : null);
}
