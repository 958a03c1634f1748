using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Options;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Cases;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// Records a follow-up of a started intervention (DOMAIN.md §5, §6). The readiness checklist informs, the social
/// secretary's judgment decides; only that judgment leaves the module, in InterventionFollowUpRecorded. Work
/// ability and views are health and personal details and stay here.
/// </summary>
internal static class RecordFollowUp
{
    public sealed record AssessmentRequest(string? Level, string? Note);

    public sealed record WorkAbilityRequest(AssessmentRequest? Physical, AssessmentRequest? Psychological, AssessmentRequest? Social);

    public sealed record GoalRequest(int GoalNumber, string? Attainment, string? Note);

    public sealed record ReadinessRequest(string? Code, string? Status, string? Note);

    public sealed record Request(
        DateOnly? HeldOn,
        int? AttendancePercent,
        string? AttendanceNote,
        WorkAbilityRequest? WorkAbility,
        string? IndividualView,
        IReadOnlyList<GoalRequest>? Goals,
        IReadOnlyList<ReadinessRequest>? Readiness,
        bool? ReadyForJobbtorgResurs,
        string? JudgmentNote);

    public static async Task<Results<Created<FollowUpResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, InterventionsDbContext db, TimeProvider time, IOptions<InterventionsOptions> options,
        CancellationToken cancellationToken)
    {
        if (request.ReadyForJobbtorgResurs == true && !user.IsInRole(Roles.SocialSecretary))
        {
            return CaseProblems.Forbidden("The social secretary judges readiness",
                "Only the responsible social secretary judges that the person is ready for Jobbtorg Resurs; record the follow-up without the judgment or ask them.");
        }

        return await ReferralChanges.ChangeAsync(db, id, user, time,
            (referral, errors, now) => Read(referral, request, errors, now, options.Value.Checklist, user.UserName()),
            (referral, followUp, _) => referral.RecordFollowUp(followUp),
            (referral, followUp) => TypedResults.Created($"{InterventionsModule.RoutePrefix}/referrals/{referral.Id}/follow-ups/{followUp.Id}",
                FollowUpResponse.From(followUp)),
            cancellationToken);
    }

    private static FollowUp Read(InterventionReferral referral, Request request, ValidationErrors errors, DateTimeOffset now,
        IReadOnlyList<ReadinessItem> checklist, string recordedBy)
    {
        var heldOn = errors.PastDate("heldOn", request.HeldOn, ReferralChanges.Today(now));
        if (heldOn < referral.StartedOn)
        {
            errors.Add("heldOn", $"The follow-up lies before the start on {referral.StartedOn:yyyy-MM-dd}.");
        }

        if (request.AttendancePercent is < 0 or > 100)
        {
            errors.Add("attendancePercent", "A share of the planned time, 0 to 100.");
        }

        return new FollowUp
        {
            Id = Guid.NewGuid(),
            InterventionReferralId = referral.Id,
            HeldOn = heldOn,
            AttendancePercent = request.AttendancePercent,
            AttendanceNote = errors.Text("attendanceNote", request.AttendanceNote, required: false),
            WorkAbility = new WorkAbility(
                Assessment(errors, "workAbility.physical", request.WorkAbility?.Physical),
                Assessment(errors, "workAbility.psychological", request.WorkAbility?.Psychological),
                Assessment(errors, "workAbility.social", request.WorkAbility?.Social)),

            // The individual's own view "ska" be recorded in every follow-up (seed 002, DOMAIN.md §2, §5).
            IndividualView = errors.Text("individualView", request.IndividualView, required: true),
            Goals = Goals(errors, request.Goals, referral.Assignment?.Goals.Count ?? 0),
            Readiness = Readiness(errors, request.Readiness, checklist),
            ReadyForJobbtorgResurs = request.ReadyForJobbtorgResurs ?? false,
            JudgmentNote = errors.Text("judgmentNote", request.JudgmentNote, required: false),
            RecordedAt = now,
            RecordedBy = recordedBy,
        };
    }

    private static WorkAbilityAssessment Assessment(ValidationErrors errors, string field, AssessmentRequest? request) =>
        new(errors.Code<WorkAbilityLevel>($"{field}.level", request?.Level, required: false) ?? WorkAbilityLevel.NotAssessed,
            errors.Text($"{field}.note", request?.Note, required: false));

    private static List<GoalProgress> Goals(ValidationErrors errors, IReadOnlyList<GoalRequest>? requests, int goalCount)
    {
        var goals = new List<GoalProgress>();
        for (var i = 0; i < (requests?.Count ?? 0); i++)
        {
            var request = requests![i];
            if (request.GoalNumber < 1 || request.GoalNumber > goalCount)
            {
                errors.Add($"goals[{i}].goalNumber", $"The assignment has goals 1 to {goalCount}.");
            }
            else if (goals.Any(g => g.GoalNumber == request.GoalNumber))
            {
                errors.Add($"goals[{i}].goalNumber", $"Goal {request.GoalNumber} appears twice.");
            }

            var attainment = errors.Code<GoalAttainment>($"goals[{i}].attainment", request.Attainment, required: true);
            var note = errors.Text($"goals[{i}].note", request.Note, required: false);
            if (attainment is { } a)
            {
                goals.Add(new GoalProgress(request.GoalNumber, a, note));
            }
        }

        return goals;
    }

    /// <summary>Every checklist item, answered or Unknown; an unknown code is a 400 with the list's codes.</summary>
    private static List<ReadinessAnswer> Readiness(ValidationErrors errors, IReadOnlyList<ReadinessRequest>? requests, IReadOnlyList<ReadinessItem> checklist)
    {
        var answers = checklist.ToDictionary(i => i.Code, i => new ReadinessAnswer(i.Code, i.Label, ReadinessStatus.Unknown, null), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (requests?.Count ?? 0); i++)
        {
            var request = requests![i];
            var item = checklist.FirstOrDefault(c => string.Equals(c.Code, request.Code?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (item is null)
            {
                errors.Add($"readiness[{i}].code", $"'{request.Code}' is not on the readiness checklist; use one of {string.Join(", ", checklist.Select(c => c.Code))}.");
                continue;
            }

            if (!seen.Add(item.Code))
            {
                errors.Add($"readiness[{i}].code", $"'{item.Code}' appears twice.");
                continue;
            }

            var status = errors.Code<ReadinessStatus>($"readiness[{i}].status", request.Status, required: true);
            var note = errors.Text($"readiness[{i}].note", request.Note, required: false);
            if (status is { } s)
            {
                answers[item.Code] = new ReadinessAnswer(item.Code, item.Label, s, note);
            }
        }

        return checklist.Select(c => answers[c.Code]).ToList();
    }
}
