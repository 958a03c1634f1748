using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// Writes (or revises) the assignment once the intervention is chosen: every part seed 002 says "ska" be there is
/// required. The text stays in this module; AssignmentWritten says only that it exists.
/// </summary>
internal static class WriteAssignment
{
    public sealed record GoalRequest(string? Goal, IReadOnlyList<string>? SubGoals);

    public sealed record Request(string? Purpose, IReadOnlyList<GoalRequest>? Goals, IReadOnlyList<string>? Tasks, string? ExpectedResult, string? IndividualView);

    public static Task<Results<Ok<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ReferralChanges.ChangeAsync(db, id, user, time,
            (_, errors, now) =>
            {
                var purpose = errors.Text("purpose", request.Purpose, required: true);
                var goals = new List<AssignmentGoal>();
                if (request.Goals is not { Count: > 0 })
                {
                    errors.Add("goals", "At least one goal (mål), each with its sub-goals (delmål) if any.");
                }
                else
                {
                    for (var i = 0; i < request.Goals.Count; i++)
                    {
                        var goal = errors.Text($"goals[{i}].goal", request.Goals[i]?.Goal, required: true);
                        var subGoals = (request.Goals[i]?.SubGoals ?? [])
                            .Select((s, j) => errors.Text($"goals[{i}].subGoals[{j}]", s, required: true)!)
                            .ToList();
                        goals.Add(new AssignmentGoal(goal ?? "", subGoals));
                    }
                }

                var tasks = (request.Tasks ?? []).Select((t, i) => errors.Text($"tasks[{i}]", t, required: true)!).ToList();
                if (tasks.Count == 0)
                {
                    errors.Add("tasks", "At least one task (arbetsuppgift) the person will do.");
                }

                var expected = errors.Text("expectedResult", request.ExpectedResult, required: true);
                var view = errors.Text("individualView", request.IndividualView, required: true);
                return new Assignment(purpose ?? "", goals, tasks, expected ?? "", view ?? "", now, user.UserName());
            },
            (referral, assignment, _) => referral.WriteAssignment(assignment),
            ReferralChanges.Answer,
            cancellationToken);
}
