using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Tests.Support;
using Orchestration.Testing.Hosting;
using Xunit.Abstractions;
using static Orchestration.Host.Tests.EndToEnd.ReferralPathEndToEndTests;

namespace Orchestration.Host.Tests.EndToEnd;

/// <summary>
/// The follow-ups of a started district intervention as production runs them: the process schedules them, the
/// claimer (run through its admin API, the recurring job parked) reminds and escalates on a clock the test moves,
/// e-mails go to a real SMTP server, and a restart of the workflow-engine host in the middle changes no outcome.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FollowUpDeadlinesEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hop = TimeSpan.FromSeconds(60);
    private const string District = "spanga-tensta";
    private const string SecretaryName = "e2e-secretary";
    private const string SecretaryAddress = "handlaggare@stad.invalid";
    private const string CoordinatorAddress = "samordnare@stad.invalid";

    [Fact]
    public async Task A_started_intervention_gets_its_first_follow_up_reminded_once_escalated_once_then_the_next_one_moved_with_a_reason_and_reminded_on_the_new_date()
    {
        var wall = Stopwatch.StartNew();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var path = await ReferralPath.StartAsync("19880404-0007", servicesOnEngineClock: true, servicesSettings:
        [
            "FollowUps:ClaimCron=0 0 1 1 *", // the test runs the claimer, so each claim it counts is its own
            "FollowUps:Mail:SmtpHost=127.0.0.1",
            $"FollowUps:Mail:SmtpPort={smtp.Port}",
            "FollowUps:Mail:SmtpSecurity=None",
            $"FollowUps:Mail:Addresses:{SecretaryName}={SecretaryAddress}",
            $"FollowUps:Mail:Coordinators:{District}:0={CoordinatorAddress}",
        ], secretaryName: SecretaryName);
        var clock = path.EngineClock;
        var timing = path.Services.Services.GetRequiredService<IOptions<FollowUpsOptions>>().Value.Timing();
        var calendar = path.Services.Services.GetRequiredService<SwedishWorkingDays>();
        var secretary = path.Secretary;
        using var coordinator = await path.ServicesClientAsync("Coordinator", District, "e2e-coordinator");
        using var admin = await path.ServicesClientAsync("Admin", null, "e2e-admin");

        // The responsible social secretary registered the application; the district decides its own intervention.
        var interventionPath = await DecideDistrictInterventionAsync(path, secretary, path.Case, path.PersonId);
        await StartInterventionAsync(path.Consultant, interventionPath);
        var startedOn = timing.Today(clock.GetUtcNow());

        // ScheduleFollowUps (once) gives one deadline P1M after the start, on a working day, for the responsible secretary.
        var schedule = await Poll.UntilAsync(() => path.SentAsync("ScheduleFollowUps", 1), Hop, "ScheduleFollowUps");
        schedule[0]["firstAfter"]!.ToString().Should().Be("P1M");
        var first = (await Poll.UntilAsync(() => MineAsync(secretary, 1), Hop, "the first follow-up deadline in the secretary's inbox"))[0];
        first["responsibleSocialSecretary"]!.ToString().Should().Be(SecretaryName);
        first["sequence"]!.GetValue<int>().Should().Be(1);
        Date(first["plannedOn"]).Should().Be(startedOn.AddMonths(1));
        var firstDue = Date(first["dueOn"]);
        firstDue.Should().Be(calendar.OnOrAfter(startedOn.AddMonths(1)), "a weekend or holiday moves on to the next Swedish working day");
        var firstId = first["deadlineId"]!.ToString();
        (await ClaimAsync(admin)).Should().Be(0, "nothing is due yet");

        // The reminder lead time: one reminder, in the inbox and by e-mail to that person, however often the claimer runs.
        AdvanceTo(clock, timing.ReminderAt(firstDue));
        (await ClaimAsync(admin)).Should().Be(1);
        (await ClaimAsync(admin)).Should().Be(0, "a deadline reminds once");
        (await smtp.WaitForAsync(1, Hop)).Single().To.Mailboxes.Select(m => m.Address).Should().Equal(SecretaryAddress);
        var reminded = (await MineAsync(secretary, 1))![0];
        reminded["urgency"]!.ToString().Should().Be("Due");
        Notices(reminded).Should().Equal("Reminder");
        await MailedAsync(secretary, firstId, 1);

        // Past the due date and the grace: one escalation, to the district's coordinators.
        AdvanceTo(clock, timing.EscalationAt(firstDue));
        (await ClaimAsync(admin)).Should().Be(1);
        (await ClaimAsync(admin)).Should().Be(0, "a deadline escalates once");
        (await smtp.WaitForAsync(2, Hop))[1].To.Mailboxes.Select(m => m.Address).Should().Equal(CoordinatorAddress);
        var overdue = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/follow-ups/districts/{District}"))!["overdue"]!.AsArray();
        overdue.Select(d => d!["deadlineId"]!.ToString()).Should().Equal(firstId);
        Notices(overdue[0]!).Should().Equal("Reminder", "Escalation");
        await MailedAsync(secretary, firstId, 2);

        // The follow-up is recorded: the deadline closes and the next one is due P3M after the recording.
        var recordedOn = timing.Today(clock.GetUtcNow());
        await Done(secretary.PostAsJsonAsync($"{interventionPath}/follow-ups", NotReadyFollowUp));
        var second = (await Poll.UntilAsync<List<JsonObject>>(async () => await MineAsync(secretary, 1) is [var only] && only["sequence"]!.GetValue<int>() == 2 ? [only] : null,
            Hop, "the next follow-up deadline"))[0];
        (await secretary.GetFromJsonAsync<JsonObject>($"/api/follow-ups/deadlines/{firstId}"))!["urgency"]!.ToString().Should().Be("Closed");
        Date(second["plannedOn"]).Should().Be(recordedOn.AddMonths(3));
        var secondDue = Date(second["dueOn"]);
        var secondId = second["deadlineId"]!.ToString();

        // The secretary moves it with a reason: the move is kept, and the reminder follows the new date.
        var moved = await Done(secretary.PostAsJsonAsync($"/api/follow-ups/deadlines/{secondId}/move", new { dueOn = secondDue.AddDays(14), reason = "Praktiken börjar senare" }));
        var newDue = Date(moved["dueOn"]);
        newDue.Should().Be(calendar.OnOrAfter(secondDue.AddDays(14)));
        var kept = (await secretary.GetFromJsonAsync<JsonObject>($"/api/follow-ups/deadlines/{secondId}"))!["moves"]!.AsArray().Single()!;
        kept["reason"]!.ToString().Should().Be("Praktiken börjar senare");
        kept["movedBy"]!.ToString().Should().Be(SecretaryName);
        (Date(kept["fromDueOn"]), Date(kept["toDueOn"])).Should().Be((secondDue, newDue));
        AdvanceTo(clock, timing.ReminderAt(secondDue));
        (await ClaimAsync(admin)).Should().Be(0, "the old date no longer reminds");
        AdvanceTo(clock, timing.ReminderAt(newDue));
        (await ClaimAsync(admin)).Should().Be(1);
        (await smtp.WaitForAsync(3, Hop))[2].To.Mailboxes.Select(m => m.Address).Should().Equal(SecretaryAddress);
        var secondNotice = (await MailedAsync(secretary, secondId, 1)).Single()!;
        Date(secondNotice["dueOn"]).Should().Be(newDue, "the reminder names the moved date");

        (await ClaimAsync(admin)).Should().Be(0);
        smtp.Received.Should().HaveCount(3, "two reminders and one escalation, each mailed once");
        (await path.AllSentAsync()).Where(c => c["$type"]!.ToString() == "ScheduleFollowUps").Should().ContainSingle();
        output.WriteLine($"Follow-ups over {clock.Shift.TotalDays:F0} days of fake time, production profile (hosts included): {wall.Elapsed.TotalSeconds:F1} s");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_workflow_engine_host_stopped_between_the_route_decision_and_the_intervention_start_changes_no_outcome(bool restart)
    {
        var wall = Stopwatch.StartNew();
        await using var path = await ReferralPath.StartAsync(restart ? "19770707-0004" : "19660606-0009");
        var interventionPath = await DecideDistrictInterventionAsync(path, path.Secretary, path.Case, path.PersonId);
        await Poll.UntilAsync(() => path.SentAsync("OpenInterventionReferral", 1), Hop, "OpenInterventionReferral");
        await path.AllDispatchedAsync();

        if (restart)
        {
            // The engine is down while the consultant starts the intervention through the services host's API.
            await path.StopEngineAsync();
            await StartInterventionAsync(path.Consultant, interventionPath);
            await path.StartEngineAsync();
        }
        else
        {
            await StartInterventionAsync(path.Consultant, interventionPath);
        }

        await Poll.UntilAsync(() => path.SentAsync("ScheduleFollowUps", 1), Hop, "ScheduleFollowUps");
        path.EngineClock.Advance(TimeSpan.FromDays(40));
        await Done(path.Secretary.PostAsJsonAsync($"{path.Case}/closure", new { outcome = "LostContact", note = "Ej hörts av" }));

        var closed = await Poll.UntilAsync(async () => await path.Consultant.GetFromJsonAsync<JsonObject>(interventionPath) is { } r && r["state"]!.ToString() == "Closed" ? r : null,
            Hop, "the intervention to close with the case");
        closed["closure"]!["outcome"]!.ToString().Should().Be("LostContact");
        await path.InstancesFinishedAsync(2);
        (await path.AllSentAsync()).Select(c => c.Describe()).Should().BeEquivalentTo(
            ["OpenInterventionReferral", "ScheduleFollowUps", "StopFollowUps", "CloseInterventionReferral LostContact", "CloseJobbtorgReferral LostContact"], "each command once, restart or not");
        await path.AllDispatchedAsync();
        // StopFollowUps and CaseClosed reach the follow-ups module through RabbitMQ after their dispatch: await the effect.
        await Poll.UntilAsync(async () =>
        {
            var mine = (await path.Secretary.GetFromJsonAsync<JsonObject>("/api/follow-ups/mine"))!;
            return new[] { "overdue", "due", "upcoming" }.SelectMany(k => mine[k]!.AsArray()).Any() ? null : "stopped";
        }, Hop, "the case's closure to stop its follow-ups");
        output.WriteLine($"Restart={restart}: {wall.Elapsed.TotalSeconds:F1} s");
    }

    private static readonly object NotReadyFollowUp = new
    {
        attendancePercent = 70,
        workAbility = new { physical = new { level = "Good" }, psychological = new { level = "Reduced" }, social = new { level = "Good" } },
        individualView = "Vill fortsätta",
        readyForJobbtorgResurs = false,
    };

    /// <summary>Mapping, screening outside Jobbtorg, obstacles and the route decision; returns the intervention referral's path.</summary>
    private static async Task<string> DecideDistrictInterventionAsync(ReferralPath path, HttpClient secretary, string referral, string personId)
    {
        await Done(secretary.PostAsJsonAsync($"{referral}/mapping-part-1", MappingPart1));
        await Done(secretary.PostAsJsonAsync($"{referral}/target-group-screening", new { inJobbtorgTargetGroup = false, targetGroups = Array.Empty<string>() }));
        await Done(secretary.PostAsJsonAsync($"{referral}/mapping-part-3", MappingPart3));
        await Done(secretary.PostAsJsonAsync($"{referral}/support-obstacles", new { category = "SocialMedical" }));
        await Done(secretary.PostAsJsonAsync($"{referral}/route-decisions", new { routes = new[] { "DistrictIntervention" }, reason = "Egen insats", individualsView = "Vill komma igång" }));
        var intervention = await Poll.UntilAsync(async () =>
        {
            var items = await path.Consultant.GetFromJsonAsync<JsonArray>($"/api/interventions/referrals?personId={personId}");
            return items!.Count > 0 ? items[0]!.AsObject() : null;
        }, Hop, "the intervention referral");
        return $"/api/interventions/referrals/{intervention["interventionReferralId"]}";
    }

    /// <summary>The caller's open deadlines (all urgencies), when there are <paramref name="count"/>.</summary>
    private static async Task<List<JsonObject>?> MineAsync(HttpClient secretary, int count)
    {
        var inbox = (await secretary.GetFromJsonAsync<JsonObject>("/api/follow-ups/mine"))!;
        var all = new[] { "overdue", "due", "upcoming" }.SelectMany(k => inbox[k]!.AsArray()).Select(d => d!.AsObject()).ToList();
        return all.Count == count ? all : null;
    }

    /// <summary>Waits until the deadline's <paramref name="count"/> notices all carry their mailing; returns them.</summary>
    private static async Task<JsonArray> MailedAsync(HttpClient secretary, string deadlineId, int count) =>
        await Poll.UntilAsync(async () =>
        {
            var notices = (await secretary.GetFromJsonAsync<JsonObject>($"/api/follow-ups/deadlines/{deadlineId}"))!["notices"]!.AsArray();
            return notices.Count == count && notices.All(n => n!["mailedAt"] is not null && n["mailRecipients"]!.GetValue<int>() == 1) ? notices : null;
        }, Hop, $"{count} mailed notice(s)");

    private static async Task<int> ClaimAsync(HttpClient admin) =>
        (await Done(admin.PostAsync("/api/follow-ups/claims", null)))["noticesIssued"]!.GetValue<int>();

    private static IEnumerable<string> Notices(JsonNode deadline) => deadline["notices"]!.AsArray().Select(n => n!["kind"]!.ToString());

    private static DateOnly Date(JsonNode? node) => DateOnly.Parse(node!.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Moves the shared clock just past <paramref name="at"/> (never back).</summary>
    private static void AdvanceTo(ShiftedTimeProvider clock, DateTimeOffset at)
    {
        var by = at - clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        by.Should().BePositive("the test moves time forward only");
        clock.Advance(by);
    }
}
