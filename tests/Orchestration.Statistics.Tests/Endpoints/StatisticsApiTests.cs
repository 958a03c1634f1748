using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Contracts.Referrals;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.Testing.Hosting;

namespace Orchestration.Statistics.Tests.Endpoints;

/// <summary>
/// Referrals with known outcomes driven through the services' REST APIs, with the test sending the commands the
/// referral process would send (the workflows module is off, so nothing else moves the cases). Every figure of the
/// statistics is then checked, including the small counts that must be suppressed (threshold 2 here: a 1 is hidden).
/// </summary>
[Trait("Category", "Integration")]
public sealed class StatisticsApiTests
{
    private const string Spanga = "spanga-tensta";
    private const string Farsta = "farsta";
    private const string Praktikcentrum = "5e6e1c1a-0001-4000-8000-000000000004";
    private const decimal PricePerPlace = 60_000m;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_figure_counts_what_the_services_recorded_and_small_counts_are_suppressed()
    {
        await using var host = await TestHost.StartAsync("Modules:Workflows=false", "Statistics:SuppressBelow=2", "FollowUps:ClaimCron=0 0 1 1 *");
        using var spangaSecretary = await host.CreateClientForDistrictAsync("SocialSecretary", Spanga);
        using var farstaSecretary = await host.CreateClientForDistrictAsync("SocialSecretary", Farsta);
        using var spangaConsultant = await host.CreateClientForDistrictAsync("WorkConsultant", Spanga);
        using var farstaConsultant = await host.CreateClientForDistrictAsync("WorkConsultant", Farsta);
        using var coach = await host.CreateClientForDistrictAsync("JobbtorgCoach", Spanga);
        using var coordinator = await host.CreateClientForDistrictAsync("Coordinator", Spanga);
        using var admin = await host.CreateClientForAsync("admin");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var twoMonthsAgo = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var womanAge = today.Year - 27;
        var manAge = today.Year - 45;

        // Referrals: Spånga-Tensta 3 women (25-29) and 1 man (40-49), Farsta 2 women (25-29).
        var s1 = await RegisterAsync(spangaSecretary, Spanga, womanAge, female: true, serial: 1);
        var s2 = await RegisterAsync(spangaSecretary, Spanga, womanAge, female: true, serial: 2);
        var s3 = await RegisterAsync(spangaSecretary, Spanga, womanAge, female: true, serial: 3);
        var s4 = await RegisterAsync(spangaSecretary, Spanga, manAge, female: false, serial: 4);
        var f1 = await RegisterAsync(farstaSecretary, Farsta, womanAge, female: true, serial: 5);
        await RegisterAsync(farstaSecretary, Farsta, womanAge, female: true, serial: 6);

        // Jobbtorg: S1 takes two interventions at once (one single, one parallel); S1 and S2 are re-referred for the
        // same reason, S3 for another.
        foreach (var referral in new[] { s1, s2, s3 })
        {
            await SendAsync(host, new IssueJobbtorgReferral(referral.Id, referral.PersonId, Spanga, JobbtorgUnit.Jobbtorg, DateTimeOffset.UtcNow));
        }

        var jobbtorgIds = new List<string>();
        foreach (var referral in new[] { s1, s2, s3 })
        {
            var listed = await Poll.UntilAsync(async () => await coach.GetFromJsonAsync<JsonArray>($"/api/jobbtorg/referrals?referralId={referral.Id}&unit=Jobbtorg")
                is [{ } one, ..] ? one : null, Wait, "the Jobbtorg referral");
            jobbtorgIds.Add(listed["jobbtorgReferralId"]!.ToString());
        }

        var jobbtorgS1 = $"/api/jobbtorg/referrals/{jobbtorgIds[0]}";
        await Done(coach.PostAsJsonAsync($"{jobbtorgS1}/intake", Intake));
        var first = await Done(coach.PostAsJsonAsync($"{jobbtorgS1}/interventions", new { kind = "WorkTraining" }));
        var second = await Done(coach.PostAsJsonAsync($"{jobbtorgS1}/interventions", new { kind = "Practice" }));
        await Done(coach.PostAsync($"{jobbtorgS1}/interventions/{first["interventionId"]}/start", null));
        await Done(coach.PostAsync($"{jobbtorgS1}/interventions/{second["interventionId"]}/start", null));
        await Done(coach.PostAsJsonAsync($"{jobbtorgS1}/interventions/{first["interventionId"]}/end", new { completed = true }));
        await Done(coach.PostAsJsonAsync($"{jobbtorgS1}/interventions/{second["interventionId"]}/end", new { completed = false }));
        await Done(coach.PostAsJsonAsync($"{jobbtorgS1}/re-referral", new { reasonCode = "WorkCapacityToBeInvestigated" }));
        await Done(coach.PostAsJsonAsync($"/api/jobbtorg/referrals/{jobbtorgIds[1]}/re-referral", new { reasonCode = "WorkCapacityToBeInvestigated" }));
        var otherReason = ReasonOtherThan(await coach.GetFromJsonAsync<JsonArray>("/api/jobbtorg/re-referral-reasons"));
        await Done(coach.PostAsJsonAsync($"/api/jobbtorg/referrals/{jobbtorgIds[2]}/re-referral", new { reasonCode = otherReason }));

        // District interventions, all in Praktikcentrum (Spånga-Tensta's, 60 000 kr a place and year): S1 one month two
        // months ago then work; S2 and S3 started 20 days ago, both found ready and transferred to Jobbtorg Resurs;
        // F1 bought by Farsta for the same month as S1, then moved.
        foreach (var (referral, district) in new[] { (s1, Spanga), (s2, Spanga), (s3, Spanga), (f1, Farsta) })
        {
            await SendAsync(host, new OpenInterventionReferral(referral.Id, referral.PersonId, district, DateTimeOffset.UtcNow));
        }

        var iS1 = await StartInterventionAsync(spangaConsultant, s1, twoMonthsAgo);
        var iS2 = await StartInterventionAsync(spangaConsultant, s2, today.AddDays(-20));
        var iS3 = await StartInterventionAsync(spangaConsultant, s3, today.AddDays(-20));
        var iF1 = await StartInterventionAsync(farstaConsultant, f1, twoMonthsAgo);
        await Done(spangaConsultant.PostAsJsonAsync($"/api/interventions/referrals/{iS1}/close", new { outcome = "Work", closedOn = twoMonthsAgo.AddMonths(1) }));
        await Done(farstaConsultant.PostAsJsonAsync($"/api/interventions/referrals/{iF1}/close", new { outcome = "MovedOrChangedDistrict", closedOn = twoMonthsAgo.AddMonths(1) }));

        // Follow-ups: S2's first one fell due a month ago (recorded now: late), S3's falls due in about ten days
        // (recorded now: on time); S1's and F1's fell due a month ago and are never recorded (overdue, escalated).
        var longAgo = DateTimeOffset.UtcNow.AddMonths(-2);
        await SendAsync(host, new ScheduleFollowUps(s1.Id, iS1, Spanga, longAgo, "P1M", "P3M", "anna"));
        await SendAsync(host, new ScheduleFollowUps(s2.Id, iS2, Spanga, longAgo, "P1M", "P3M", "anna"));
        await SendAsync(host, new ScheduleFollowUps(s3.Id, iS3, Spanga, DateTimeOffset.UtcNow.AddDays(-20), "P1M", "P3M", "anna"));
        await SendAsync(host, new ScheduleFollowUps(f1.Id, iF1, Farsta, longAgo, "P1M", "P3M", "erik"));
        await Poll.UntilAsync(async () => await Figure(admin, "measures=followUps&groupBy=", "followUps", "overdue") is { } f && f["count"]?.GetValue<int>() == 3 ? f : null,
            Wait, "three follow-ups overdue (S3's is not due yet) before any is recorded");
        foreach (var intervention in new[] { iS2, iS3 })
        {
            await Done(spangaSecretary.PostAsJsonAsync($"/api/interventions/referrals/{intervention}/follow-ups", FollowUp));
            await Done(spangaSecretary.PostAsJsonAsync($"/api/interventions/referrals/{intervention}/transfer-to-jobbtorg-resurs", new { note = "Redo" }));
        }

        await Poll.UntilAsync(async () => await Figure(admin, "measures=followUps&groupBy=", "followUps", "overdue") is { } f && f["count"]?.GetValue<int>() == 2 ? f : null,
            Wait, "the two recorded follow-ups to leave the overdue ones");
        for (var round = 0; round < 2; round++)
        {
            // The first claim reminds, the second escalates what is past its grace period.
            await Done(admin.PostAsync("/api/follow-ups/claims", null));
        }

        // Case closures in financial aid: S1 and S2 to work, the man lost contact. Closing S1's case stops its
        // overdue follow-up (no longer expected), so only Farsta's stays overdue; the escalation already sent still counts.
        await Done(spangaSecretary.PostAsJsonAsync($"/api/financial-aid/applications/{s1.Id}/closure", new { outcome = "Work", note = "Anställd" }));
        await Done(spangaSecretary.PostAsJsonAsync($"/api/financial-aid/applications/{s2.Id}/closure", new { outcome = "Work", note = "Anställd" }));
        await Done(spangaSecretary.PostAsJsonAsync($"/api/financial-aid/applications/{s4.Id}/closure", new { outcome = "LostContact", note = "Ej hörts av" }));
        await Poll.UntilAsync(async () => await Figure(admin, "measures=followUps&groupBy=", "followUps", "overdue") is { } f && f["suppressed"]!.GetValue<bool>() ? f : null,
            Wait, "S1's closed case to stop its follow-up, leaving one overdue (suppressed)");

        var window = $"from={today.AddYears(-1):yyyy-MM-dd}&to={today.AddMonths(3):yyyy-MM-dd}&period=Whole";
        var byDistrict = await ReportAsync(admin, $"{window}&groupBy=District");
        byDistrict["sources"]!.AsArray().Select(s => s!.ToString()).Should().BeEquivalentTo(["FinancialAid", "Jobbtorg", "Interventions", "FollowUps"]);
        byDistrict["suppressBelow"]!.GetValue<int>().Should().Be(2);
        var cells = Cells(byDistrict);
        // One period (Whole): S1's month, and S2's and S3's 21 days up to today, priced per year.
        var ownCost = Math.Round(PricePerPlace * ((twoMonthsAgo.AddMonths(1).DayNumber - twoMonthsAgo.DayNumber) + (2 * 21)) / 365m, 0, MidpointRounding.AwayFromZero);
        cells.Should().BeEquivalentTo(new[]
        {
            "referrals||spanga-tensta=4", "referrals||farsta=2",
            "closures|Work|spanga-tensta=2", "closures|LostContact|spanga-tensta=suppressed",
            "reReferrals|WorkCapacityToBeInvestigated|spanga-tensta=2", $"reReferrals|{otherReason}|spanga-tensta=suppressed",
            "jobbtorgInterventionsStarted|single|spanga-tensta=suppressed", "jobbtorgInterventionsStarted|parallel|spanga-tensta=suppressed",
            "interventionsStarted|own|spanga-tensta=3", "interventionsStarted|purchased|farsta=suppressed",
            "transfersToResurs||spanga-tensta=2",
            "interventionClosures|Work|spanga-tensta=suppressed", "interventionClosures|MovedOrChangedDistrict|farsta=suppressed",
            "interventionCost|own|spanga-tensta=3", "interventionCost|purchased|farsta=suppressed",
            "followUps|late|spanga-tensta=suppressed", "followUps|onTime|spanga-tensta=suppressed",
            "followUps|overdue|farsta=suppressed",
            "escalations||spanga-tensta=suppressed", "escalations||farsta=suppressed",
        });
        Cell(byDistrict, "interventionCost", "own", Spanga)["cost"]!.GetValue<decimal>().Should().Be(ownCost, "price × days held ÷ 365, up to today");
        Cell(byDistrict, "interventionCost", "purchased", Farsta)["cost"].Should().BeNull("a suppressed cell shows no cost either");

        // Summed over districts, the small counts add up to figures that may be shown.
        var citywide = Cells(await ReportAsync(admin, $"{window}&groupBy="));
        citywide.Should().Contain(["followUps|overdue|=suppressed", "escalations||=2", "interventionClosures|Work|=suppressed", "jobbtorgInterventionsStarted|parallel|=suppressed"]);
        var byProvider = await ReportAsync(admin, $"{window}&groupBy=Provider&measures=interventionCost");
        Cell(byProvider, "interventionCost", "purchased", null)["cost"].Should().BeNull();
        Cells(byProvider).Should().BeEquivalentTo(["interventionCost|own|=3", "interventionCost|purchased|=suppressed"]);

        // Gender and age band, from the personnummer at registration.
        Cells(await ReportAsync(admin, $"{window}&groupBy=District,Gender,AgeBand&measures=referrals,closures")).Should().BeEquivalentTo([
            "referrals||spanga-tensta|Female|25-29=3", "referrals||spanga-tensta|Male|40-49=suppressed", "referrals||farsta|Female|25-29=2",
            "closures|Work|spanga-tensta|Female|25-29=2", "closures|LostContact|spanga-tensta|Male|40-49=suppressed",
        ]);

        // A coordinator sees their own district only: asked for none, they get theirs; another answers 403.
        var own = await ReportAsync(coordinator, $"{window}&groupBy=District");
        own["district"]!.ToString().Should().Be(Spanga);
        Cells(own).Should().OnlyContain(c => c.Contains("|spanga-tensta=", StringComparison.Ordinal)).And.Contain("referrals||spanga-tensta=4");
        var refused = await coordinator.GetAsync($"/api/statistics?{window}&district={Farsta}");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Another district's case").And.NotContain("\"figures\"");
        (await spangaSecretary.GetAsync($"/api/statistics?{window}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "social secretaries do not read statistics");
        (await admin.GetAsync("/api/statistics?groupBy=Shoe")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/statistics?from=2026-05-01&to=2026-04-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        // CSV: the same figures, a suppressed cell with empty count and cost.
        var csv = await admin.GetAsync($"/api/statistics/export.csv?{window}&groupBy=District&measures=referrals,closures");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("measure,category,period,district,intervention,provider,gender,ageBand,count,cost,suppressed");
        var period = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        lines.Skip(1).Should().BeEquivalentTo([
            $"closures,LostContact,{period},spanga-tensta,,,,,,,true", $"closures,Work,{period},spanga-tensta,,,,,2,,false",
            $"referrals,,{period},farsta,,,,,2,,false", $"referrals,,{period},spanga-tensta,,,,,4,,false",
        ]);
    }

    /// <summary>A reason of the configured list other than the one the others share, needing no free text.</summary>
    private static string ReasonOtherThan(JsonArray? reasons) =>
        reasons!.OfType<JsonObject>()
            .First(r => r["code"]!.ToString() != "WorkCapacityToBeInvestigated" && r["requiresText"]?.GetValue<bool>() != true)["code"]!.ToString();

    private sealed record Registered(Guid Id, Guid PersonId);

    private static async Task<Registered> RegisterAsync(HttpClient secretary, string district, int birthYear, bool female, int serial)
    {
        var answer = await Done(secretary.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = TestPersonnummer.Make(birthYear, serial, female), district }));
        return new Registered(Guid.Parse(answer["applicationId"]!.ToString()), Guid.Parse(answer["personId"]!.ToString()));
    }

    private static async Task<Guid> StartInterventionAsync(HttpClient consultant, Registered referral, DateOnly startedOn)
    {
        var listed = await Poll.UntilAsync(async () => await consultant.GetFromJsonAsync<JsonArray>($"/api/interventions/referrals?personId={referral.PersonId}")
            is [{ } one, ..] ? one : null, Wait, "the intervention referral");
        var path = $"/api/interventions/referrals/{listed["interventionReferralId"]}";
        await Done(consultant.PutAsJsonAsync($"{path}/intervention", new { interventionId = Praktikcentrum }));
        await Done(consultant.PutAsJsonAsync($"{path}/assignment", new
        {
            purpose = "Steady daily routine",
            goals = new[] { new { goal = "Attend four days a week", subGoals = Array.Empty<string>() } },
            tasks = new[] { "Workshop" },
            expectedResult = "Work training",
            individualView = "Wants to try",
        }));
        await Done(consultant.PutAsJsonAsync($"{path}/work-plan", new { content = "Mornings in the workshop", hoursPerWeek = 16 }));
        await Done(consultant.PutAsJsonAsync($"{path}/implementation-plan", new { content = "Introduction in week one" }));
        await Done(consultant.PostAsJsonAsync($"{path}/start", new { startedOn, aidDecisionReference = "BD-1" }));
        return Guid.Parse(listed["interventionReferralId"]!.ToString());
    }

    private static async Task SendAsync<T>(TestHost host, T command)
        where T : class
    {
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(T)));
        await endpoint.Send(command);
    }

    private static async Task<JsonObject> ReportAsync(HttpClient client, string query) => await Done(client.GetAsync($"/api/statistics?{query}"));

    private static async Task<JsonObject?> Figure(HttpClient client, string query, string measure, string category) =>
        (await ReportAsync(client, query))["figures"]!.AsArray().OfType<JsonObject>()
        .FirstOrDefault(f => f["measure"]!.ToString() == measure && f["category"]?.ToString() == category);

    private static JsonObject Cell(JsonObject report, string measure, string? category, string? district) =>
        report["figures"]!.AsArray().OfType<JsonObject>()
            .Single(f => f["measure"]!.ToString() == measure && f["category"]?.ToString() == category && f["district"]?.ToString() == district);

    /// <summary>"measure|category|district[|gender|ageBand]=count", or "=suppressed"; one string a figure, so a wrong or missing one shows in the diff.</summary>
    private static List<string> Cells(JsonObject report) =>
        report["figures"]!.AsArray().OfType<JsonObject>().Select(f =>
        {
            var key = $"{f["measure"]}|{f["category"]}|{f["district"]}";
            if (f["gender"] is not null || f["ageBand"] is not null)
            {
                key += $"|{f["gender"]}|{f["ageBand"]}";
            }

            return $"{key}={(f["suppressed"]!.GetValue<bool>() ? "suppressed" : f["count"]!.ToString())}";
        }).ToList();

    private static async Task<JsonObject> Done(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject ?? [];
    }

    private static readonly object Intake = new
    {
        highestEducation = "UpperSecondary",
        swedishLevel = "SfiD",
        yearsSinceLastWork = 2,
        jobSeeking = "SeekingOccasionally",
        registeredWithArbetsformedlingen = true,
        hasDrivingLicence = false,
    };

    private static readonly object FollowUp = new
    {
        attendancePercent = 90,
        workAbility = new { physical = new { level = "Good" }, psychological = new { level = "Good" }, social = new { level = "Good" } },
        individualView = "Ready",
        readyForJobbtorgResurs = true,
    };
}
