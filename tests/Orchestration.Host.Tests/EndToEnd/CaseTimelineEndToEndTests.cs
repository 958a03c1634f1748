using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.FollowUps.Options;
using Orchestration.Testing.Hosting;
using Xunit.Abstractions;
using static Orchestration.Host.Tests.EndToEnd.ReferralPathEndToEndTests;

namespace Orchestration.Host.Tests.EndToEnd;

/// <summary>
/// One referral driven through the REST APIs alone (financial aid → Jobbtorg → re-referral → district intervention →
/// follow-ups with a reminder, an escalation, a moved date and a recorded follow-up), in one embedded host with every
/// module, on a clock the test moves. Its case timeline then holds each module's entries in the order they happened,
/// the workflows' journal beside them, no personnummer and none of the free texts written along the way; another
/// district's staff and other roles cannot read it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CaseTimelineEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hop = TimeSpan.FromSeconds(60);
    private const string Personnummer = "19850315-0008";
    private const string MoveReason = "Ny tid hos arbetsgivaren";

    /// <summary>Free texts written on the case; none may reach the timeline.</summary>
    private static readonly string[] FreeTexts =
    [
        "Sjukskriven för utmattning", "Prövar Jobbtorg igen", "Vill börja arbetsträna", "Behöver utredas av läkare",
        "Steady daily routine", "Wants to try", "Mornings in the workshop", "Introduction in week one", "Mår bättre nu", "Närvaron ökar",
    ];

    [Fact]
    public async Task The_timeline_shows_each_module_s_entries_in_order_to_the_case_s_district_only_and_carries_no_personnummer_or_free_text()
    {
        var wall = Stopwatch.StartNew();
        var clock = new ShiftedTimeProvider();
        await using var host = await TestHost.StartAsync(clock, "Interventions:SeedDemoCatalogue=true", "FollowUps:ClaimCron=0 0 1 1 *");
        var timing = host.Services.GetRequiredService<IOptions<FollowUpsOptions>>().Value.Timing();
        using var secretary = await host.CreateClientForAsync("socialsecretary");
        using var coach = await host.CreateClientForAsync("jobbtorgcoach");
        using var consultant = await host.CreateClientForAsync("workconsultant");
        using var admin = await host.CreateClientForAsync("admin");
        // Signed in before the clock moves: a token issued on the moved clock is not yet valid on the real one.
        using var coordinator = await host.CreateClientForAsync("coordinator");
        using var farstaSecretary = await host.CreateClientForDistrictAsync("SocialSecretary", "farsta");
        using var farstaCoordinator = await host.CreateClientForDistrictAsync("Coordinator", "farsta");

        // Financial aid: the application, mapping part 1 and a screening that sends the person to Jobbtorg.
        var application = await Done(secretary.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = Personnummer }));
        var referralId = application["applicationId"]!.ToString();
        var personId = application["personId"]!.ToString();
        var referral = $"/api/financial-aid/applications/{referralId}";
        await Done(secretary.PostAsJsonAsync($"{referral}/mapping-part-1", MappingPart1));
        await Done(secretary.PostAsJsonAsync($"{referral}/target-group-screening", new { inJobbtorgTargetGroup = true, targetGroups = new[] { "UnemployedOnAid" } }));

        // Jobbtorg takes the person in, then re-refers them to the district.
        var jobbtorg = await Poll.UntilAsync(async () =>
            (await coach.GetFromJsonAsync<JsonArray>($"/api/jobbtorg/referrals?referralId={referralId}"))!.FirstOrDefault()?.AsObject(), Hop, "the Jobbtorg referral");
        var jobbtorgPath = $"/api/jobbtorg/referrals/{jobbtorg["jobbtorgReferralId"]}";
        await Done(coach.PostAsJsonAsync($"{jobbtorgPath}/intake", new
        {
            highestEducation = "UpperSecondary",
            swedishLevel = "SfiD",
            yearsSinceLastWork = 2,
            jobSeeking = "SeekingOccasionally",
            registeredWithArbetsformedlingen = true,
            hasDrivingLicence = false,
            notes = "Behöver utredas av läkare",
        }));
        await Done(coach.PostAsJsonAsync($"{jobbtorgPath}/re-referral", new { reasonCode = "WorkCapacityToBeInvestigated" }));
        await Poll.UntilAsync(async () => (await secretary.GetFromJsonAsync<JsonObject>($"{referral}/overview"))!["reReferralsAwaitingDecision"]!.AsArray().Count == 1 ? "arrived" : null,
            Hop, "the re-referral to reach financial aid");

        // The district: mapping part 3, the support obstacle and its own intervention.
        await Done(secretary.PostAsJsonAsync($"{referral}/mapping-part-3", MappingPart3));
        await Done(secretary.PostAsJsonAsync($"{referral}/support-obstacles", new { category = "SocialMedical", note = FreeTexts[0] }));
        await Done(secretary.PostAsJsonAsync($"{referral}/route-decisions", new { routes = new[] { "DistrictIntervention" }, reason = FreeTexts[1], individualsView = FreeTexts[2] }));
        var intervention = await Poll.UntilAsync(async () =>
            (await consultant.GetFromJsonAsync<JsonArray>($"/api/interventions/referrals?personId={personId}"))!.FirstOrDefault()?.AsObject(), Hop, "the intervention referral");
        var interventionPath = $"/api/interventions/referrals/{intervention["interventionReferralId"]}";
        await StartInterventionAsync(consultant, interventionPath);

        // Follow-ups: the first deadline is reminded, escalated, moved with a reason, then the follow-up is recorded.
        var deadline = await Poll.UntilAsync(async () =>
            (await secretary.GetFromJsonAsync<JsonObject>("/api/follow-ups/mine"))!["upcoming"]!.AsArray().FirstOrDefault()?.AsObject(), Hop, "the first follow-up deadline");
        var dueOn = DateOnly.Parse(deadline["dueOn"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        AdvanceTo(clock, timing.ReminderAt(dueOn));
        await Done(admin.PostAsync("/api/follow-ups/claims", null));
        AdvanceTo(clock, timing.EscalationAt(dueOn));
        await Done(admin.PostAsync("/api/follow-ups/claims", null));
        var newDue = timing.Today(clock.GetUtcNow()).AddDays(14);
        // The answer's due date: a weekend or holiday moves on to the next working day.
        var movedTo = (await Done(secretary.PostAsJsonAsync($"/api/follow-ups/deadlines/{deadline["deadlineId"]}/move", new { dueOn = newDue, reason = MoveReason })))["dueOn"]!.ToString();
        clock.Advance(TimeSpan.FromDays(1));
        await Done(consultant.PostAsJsonAsync($"{interventionPath}/follow-ups", new
        {
            attendancePercent = 80,
            attendanceNote = FreeTexts[9],
            workAbility = new { physical = new { level = "Good" }, psychological = new { level = "Reduced" }, social = new { level = "Good" } },
            individualView = FreeTexts[8],
            readyForJobbtorgResurs = false,
        }));

        // The timeline, once the follow-ups module heard of the recorded follow-up (the next deadline is scheduled).
        var timeline = await Poll.UntilAsync(async () =>
        {
            var body = await secretary.GetFromJsonAsync<JsonObject>($"/api/case-timeline/{referralId}");
            return body!["entries"]!.AsArray().Count(e => e!["kind"]!.ToString() == "FollowUpScheduled") == 2 ? body : null;
        }, Hop, "the second follow-up deadline on the timeline");
        var entries = timeline["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
        output.WriteLine(string.Join("\n", entries.Select(e => $"{e["at"]} {e["module"]} {e["kind"]} {e["actor"]} {e["details"]!.ToJsonString()}")));

        timeline["district"]!.ToString().Should().Be("spanga-tensta");
        timeline["sources"]!.AsArray().Select(s => s!.ToString()).Should().BeEquivalentTo("Workflows", "FinancialAid", "Jobbtorg", "Interventions", "FollowUps");
        entries.Select(e => DateTimeOffset.Parse(e["at"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder();
        entries.Where(e => e["module"]!.ToString() != "Workflows").Select(e => $"{e["module"]} {e["kind"]}").Should().Equal(
            "FinancialAid ApplicationRegistered",
            "FinancialAid MappingPart1Recorded",
            "FinancialAid TargetGroupScreeningRecorded",
            "Jobbtorg JobbtorgReferralReceived",
            "Jobbtorg JobbtorgIntakeCompleted",
            "Jobbtorg ReReferred",
            "FinancialAid ReReferralReceived",
            "FinancialAid MappingPart3Recorded",
            "FinancialAid SupportObstacleRecorded",
            "FinancialAid RouteDecided",
            "Interventions InterventionReferralOpened",
            "Interventions InterventionChosen",
            "Interventions AssignmentWritten",
            "Interventions WorkPlanWritten",
            "Interventions ImplementationPlanWritten",
            "Interventions InterventionStarted",
            "FollowUps FollowUpScheduled",
            "FollowUps FollowUpReminderIssued",
            "FollowUps FollowUpEscalated",
            "FollowUps FollowUpDateMoved",
            "Interventions InterventionFollowUpRecorded",
            "FollowUps FollowUpCompleted",
            "FollowUps FollowUpScheduled");

        // Codes, dates and account names: who did what, with what code.
        Single(entries, "ApplicationRegistered")["actor"]!.ToString().Should().Be("socialsecretary");
        Single(entries, "JobbtorgIntakeCompleted")["actor"]!.ToString().Should().Be("jobbtorgcoach");
        Single(entries, "ReReferred")["details"]!["reason"]!.ToString().Should().Be("WorkCapacityToBeInvestigated");
        Single(entries, "RouteDecided")["details"]!["routes"]!.ToString().Should().Be("DistrictIntervention");
        Single(entries, "InterventionStarted")["actor"]!.ToString().Should().Be("workconsultant");
        entries.First(e => e["kind"]!.ToString() == "FollowUpScheduled")["details"]!["dueOn"]!.ToString().Should().Be(dueOn.ToString("O"), "scheduled with its first date");
        var moved = Single(entries, "FollowUpDateMoved");
        (moved["actor"]!.ToString(), moved["reason"]!.ToString(), moved["details"]!["toDueOn"]!.ToString())
            .Should().Be(("socialsecretary", MoveReason, movedTo), "the move keeps its reason, mover and new date");

        // The workflows' journal: the process started with the application and sent each command before the service acted on it.
        var workflows = entries.Where(e => e["module"]!.ToString() == "Workflows").ToList();
        workflows.Should().Contain(e => e["kind"]!.ToString() == "WorkflowStarted" && e["details"]!["definitionId"]!.ToString() == "referral-process");
        var commands = workflows.Where(e => e["kind"]!.ToString() == "WorkflowActivityExecuted").Select(e => e["details"]!["activityType"]!.ToString()).ToList();
        commands.Should().Contain(["SendIssueJobbtorgReferral", "SendReceiveReReferral", "SendOpenInterventionReferral", "SendScheduleFollowUps", "Elsa.Event"]);
        entries.FindIndex(e => e["details"]!["activityType"]?.ToString() == "SendIssueJobbtorgReferral")
            .Should().BeLessThan(entries.FindIndex(e => e["kind"]!.ToString() == "JobbtorgReferralReceived"), "the command comes before Jobbtorg receives it");
        entries.FindIndex(e => e["details"]!["activityType"]?.ToString() == "SendScheduleFollowUps")
            .Should().BeLessThan(entries.FindIndex(e => e["kind"]!.ToString() == "FollowUpScheduled"));

        // Privacy: no personnummer, and none of the free texts written on the case (only the move's reason).
        var json = timeline.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.Should().Contain(MoveReason).And.NotContain("19850315").And.NotContain("Poor").And.NotContain("Sublet").And.NotContain("8503150008").And.NotContain(personId);
        foreach (var text in FreeTexts)
        {
            json.Should().NotContain(text, "free text stays in its module");
        }

        // Who may read it: the district's social secretaries and coordinators and admins; not another district, not other roles.
        (await coordinator.GetAsync($"/api/case-timeline/{referralId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/case-timeline/{referralId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await farstaSecretary.GetAsync($"/api/case-timeline/{referralId}");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await refused.Content.ReadAsStringAsync();
        problem.Should().NotContain("spanga-tensta", "the refusal does not name the person's district").And.NotContain("RouteDecided");
        (await farstaSecretary.GetAsync($"/api/case-timeline/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var malformed = await farstaSecretary.GetAsync("/api/case-timeline/not-a-guid");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a malformed id is the caller's mistake, not a refusal");
        malformed.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await malformed.Content.ReadAsStringAsync()).Should().Contain("referralId");
        (await coach.GetAsync("/api/case-timeline/not-a-guid")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a role that may not read timelines learns nothing more");
        (await farstaCoordinator.GetAsync($"/api/case-timeline/{referralId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await coach.GetAsync($"/api/case-timeline/{referralId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "Jobbtorg coaches are not the district's staff");
        (await consultant.GetAsync($"/api/case-timeline/{referralId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // My cases: the registering social secretary is responsible; the case shows its stage and its next follow-up.
        var mine = (await secretary.GetFromJsonAsync<JsonArray>("/api/follow-ups/cases/mine"))!.Select(c => c!.AsObject()).ToList();
        var mineCase = mine.Should().ContainSingle(c => c["referralId"]!.ToString() == referralId).Subject;
        mineCase["stage"]!.ToString().Should().Be("InterventionStarted");
        mineCase["nextFollowUpDueOn"].Should().NotBeNull();
        output.WriteLine($"Referral through three services and months of fake time, embedded host included: {wall.Elapsed.TotalSeconds:F1} s");
    }

    private static JsonObject Single(List<JsonObject> entries, string kind) => entries.Single(e => e["kind"]!.ToString() == kind);

    /// <summary>Moves the clock just past <paramref name="at"/> (never back).</summary>
    private static void AdvanceTo(ShiftedTimeProvider clock, DateTimeOffset at)
    {
        var by = at - clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        by.Should().BePositive("the test moves time forward only");
        clock.Advance(by);
    }
}
