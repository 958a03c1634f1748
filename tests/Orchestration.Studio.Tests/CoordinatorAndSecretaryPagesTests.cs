using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.Testing.Hosting;

namespace Orchestration.Studio.Tests;

/// <summary>
/// The coordinator's and the social secretary's pages (/pages), signed in through the Studio shell: they show the
/// follow-ups the module holds, the secretary's cases with their stage and a case's whole path across the services,
/// a moved date appears on the case's timeline, an expired access token is refreshed as the shell does, a coordinator
/// sees nothing of another district, and axe-core (npm, restored beside the pages) finds no serious or critical violation.
/// </summary>
[Collection(StudioCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CoordinatorAndSecretaryPagesTests(StudioFixture fixture)
{
    private static readonly string AxeScript = Path.Combine(RepositoryPaths.Root, "hosts", "Orchestration.Pages", "node_modules", "axe-core", "axe.min.js");

    [Fact]
    public async Task The_social_secretary_moves_an_overdue_follow_up_with_a_reason_and_sees_it_on_the_timeline()
    {
        var referralId = Guid.NewGuid();
        await ScheduleAsync(referralId, "spanga-tensta", "socialsecretary", DateTimeOffset.UtcNow.AddMonths(-2));
        await using var studio = await fixture.SignInAsync("socialsecretary", nameof(The_social_secretary_moves_an_overdue_follow_up_with_a_reason_and_sees_it_on_the_timeline));
        await studio.Page.GotoAsync(new Uri(studio.BaseAddress, "/pages/handlaggare.html").ToString());

        var overdue = studio.Page.Locator("#overdue tr", new PageLocatorOptions { Has = studio.Page.Locator("button") });
        await Assertions.Expect(overdue.First).ToBeVisibleAsync();
        await Assertions.Expect(studio.Page.Locator("#user")).ToContainTextAsync("socialsecretary");
        await studio.ScreenshotAsync("my-follow-ups");
        await AssertAccessibleAsync(studio.Page);

        // Keyboard only: focus the case's button and open it with Enter.
        await overdue.First.Locator("button").FocusAsync();
        await studio.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(studio.Page.Locator("#timeline li").First).ToBeVisibleAsync();
        var newDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(21));
        await studio.Page.Locator("#move-date").FillAsync(newDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await studio.Page.Locator("#move-reason").FillAsync("Personen är sjuk, ny tid bokad");
        await studio.Page.Locator("#move button[type=submit]").ClickAsync();

        await Assertions.Expect(studio.Page.Locator("#timeline")).ToContainTextAsync("Personen är sjuk, ny tid bokad");
        await Assertions.Expect(studio.Page.Locator("#timeline")).ToContainTextAsync("Flyttad från");
        await studio.ScreenshotAsync("case-timeline-after-move");
        await AssertAccessibleAsync(studio.Page);
        studio.Traffic.Requests.Where(r => r.StartsWith("401", StringComparison.Ordinal)).Should().BeEmpty("the pages call the API with the shell's token");
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task The_social_secretary_finds_the_case_in_my_cases_opens_its_whole_path_and_moves_its_follow_up_with_a_reason()
    {
        var referralId = await DriveReferralToInterventionAsync();
        await using var studio = await fixture.SignInAsync("socialsecretary", nameof(The_social_secretary_finds_the_case_in_my_cases_opens_its_whole_path_and_moves_its_follow_up_with_a_reason));

        // The access token in the tab's session has run out: the page refreshes it, as the shell does, instead of asking to sign in.
        var expiredToken = await studio.Page.EvaluateAsync<string>(
            "() => { const s = JSON.parse(sessionStorage.getItem('orchestration.studio.session')); s.expiresAt = new Date(Date.now() - 60000).toISOString(); "
            + "sessionStorage.setItem('orchestration.studio.session', JSON.stringify(s)); return s.accessToken; }");
        await studio.Page.GotoAsync(new Uri(studio.BaseAddress, "/pages/handlaggare.html").ToString());
        var row = studio.Page.Locator("#my-cases tr", new PageLocatorOptions { HasText = $"Ärende {referralId[..8]}" });
        await Assertions.Expect(row).ToContainTextAsync("Stadsdelsinsats påbörjad");
        (await studio.Page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('orchestration.studio.session')).accessToken"))
            .Should().NotBe(expiredToken, "the page renewed the token with the session's refresh token");
        studio.Traffic.Requests.Should().Contain(r => r.StartsWith("200 POST", StringComparison.Ordinal) && r.EndsWith("/elsa/api/identity/refresh-token", StringComparison.Ordinal));
        (await studio.Page.Locator("#message").IsHiddenAsync()).Should().BeTrue("nobody is asked to sign in again");
        await studio.ScreenshotAsync("my-cases");
        await AssertAccessibleAsync(studio.Page);

        // Keyboard only: the case's link opens its page with the whole path, oldest first.
        await row.Locator("a").FocusAsync();
        await studio.Page.Keyboard.PressAsync("Enter");
        var timeline = studio.Page.Locator("#timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Ansökan om ekonomiskt bistånd registrerad");
        await Assertions.Expect(studio.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"arende={referralId}"));
        var items = await studio.Page.Locator("#timeline li").AllInnerTextsAsync();
        Position(items, "Ansökan om ekonomiskt bistånd registrerad").Should().BeLessThan(Position(items, "Remiss mottagen av Jobbtorg"));
        Position(items, "Remiss mottagen av Jobbtorg").Should().BeLessThan(Position(items, "Vägval: stadsdelsinsats"));
        Position(items, "Vägval: stadsdelsinsats").Should().BeLessThan(Position(items, "Insatsen påbörjad"));
        Position(items, "Insatsen påbörjad").Should().BeLessThan(Position(items, "Uppföljning 1 planerad"));
        items.Should().Contain(i => i.Contains("Kommando skickat: ScheduleFollowUps", StringComparison.Ordinal), "the process's journal is on the timeline");

        var newDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(50));
        await studio.Page.Locator("#move-date").FillAsync(newDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await studio.Page.Locator("#move-reason").FillAsync("Praktikplatsen börjar senare");
        await studio.Page.Locator("#move-reason").PressAsync("Enter");
        await Assertions.Expect(timeline).ToContainTextAsync("Praktikplatsen börjar senare");
        items = await studio.Page.Locator("#timeline li").AllInnerTextsAsync();
        Position(items, "Flyttad från").Should().BeGreaterThan(Position(items, "Uppföljning 1 planerad"), "the move is the newest entry");
        items.Should().Contain(i => i.Contains("Jobbtorg", StringComparison.Ordinal)).And.Contain(i => i.Contains("Stadsdelsinsats", StringComparison.Ordinal))
            .And.Contain(i => i.Contains("Ekonomiskt bistånd", StringComparison.Ordinal));
        await studio.ScreenshotAsync("case-whole-path-after-move", fullPage: true);
        await AssertAccessibleAsync(studio.Page);
        studio.Traffic.Requests.Where(r => r.StartsWith("401", StringComparison.Ordinal)).Should().BeEmpty();
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task The_coordinator_sees_the_district_s_follow_ups_and_charts_and_nothing_of_another_district()
    {
        var farstaReferral = Guid.NewGuid();
        await ScheduleAsync(Guid.NewGuid(), "spanga-tensta", "socialsecretary", DateTimeOffset.UtcNow.AddMonths(-2));
        await ScheduleAsync(farstaReferral, "farsta", "erik", DateTimeOffset.UtcNow.AddMonths(-2));
        using (var secretary = await fixture.Host.CreateClientForAsync("socialsecretary"))
        {
            // Five referrals this month: enough for the referrals chart to show a bar above the suppression threshold.
            for (var serial = 11; serial <= 15; serial++)
            {
                var registered = await secretary.PostAsJsonAsync("/api/financial-aid/applications",
                    new { personnummer = TestPersonnummer.Make(DateTime.UtcNow.Year - 30, serial, female: serial % 2 == 0) });
                registered.EnsureSuccessStatusCode();
            }
        }

        await using var studio = await fixture.SignInAsync("coordinator", nameof(The_coordinator_sees_the_district_s_follow_ups_and_charts_and_nothing_of_another_district));
        await studio.Page.GotoAsync(new Uri(studio.BaseAddress, "/pages/koordinator.html").ToString());

        await Assertions.Expect(studio.Page.Locator("#overdue")).ToContainTextAsync("socialsecretary");
        await Assertions.Expect(studio.Page.Locator("#figures tr").First).ToBeVisibleAsync();
        (await studio.Page.Locator("#overdue").InnerTextAsync()).Should().NotContain("erik", "Farsta's follow-ups are not the coordinator's");
        (await studio.Page.EvaluateAsync<int>("() => Object.keys(Chart.instances).length")).Should().Be(4, "four charts are drawn");
        (await studio.Page.EvaluateAsync<int>("() => Chart.getChart('chart-referrals').data.datasets[0].data.reduce((a, b) => a + b, 0)"))
            .Should().BeGreaterThanOrEqualTo(5, "the referrals chart shows this month's referrals");
        await studio.ScreenshotAsync("coordinator");
        await AssertAccessibleAsync(studio.Page);

        // Asking for Farsta: the API refuses, the page says so and keeps showing nothing of Farsta.
        studio.Traffic.Expect("403");
        await studio.Page.Locator("#district").FillAsync("farsta");
        await studio.Page.Locator("#filters button[type=submit]").ClickAsync();
        await Assertions.Expect(studio.Page.Locator("#message")).ToContainTextAsync("spanga-tensta");
        (await studio.Page.Locator("main").InnerTextAsync()).Should().NotContain("erik").And.NotContain("farsta,", "no figure of Farsta is shown");
        await studio.ScreenshotAsync("coordinator-other-district-refused");
        await studio.AssertHealthyAsync();
    }

    private static int Position(IReadOnlyList<string> items, string text)
    {
        var index = items.ToList().FindIndex(i => i.Contains(text, StringComparison.Ordinal));
        index.Should().BeGreaterThanOrEqualTo(0, $"the timeline shows \"{text}\"");
        return index;
    }

    /// <summary>
    /// A referral through the REST APIs: financial aid screens the person into Jobbtorg's target group (the process
    /// refers them there), then decides the district's own intervention, which starts; its first follow-up is scheduled.
    /// </summary>
    private async Task<string> DriveReferralToInterventionAsync()
    {
        var hop = TimeSpan.FromSeconds(60);
        using var secretary = await fixture.Host.CreateClientForAsync("socialsecretary");
        using var consultant = await fixture.Host.CreateClientForAsync("workconsultant");
        using var coach = await fixture.Host.CreateClientForAsync("jobbtorgcoach");
        var application = await Ok(secretary.PostAsJsonAsync("/api/financial-aid/applications",
            new { personnummer = TestPersonnummer.Make(DateTime.UtcNow.Year - 41, 31, female: true) }));
        var referralId = application.GetProperty("applicationId").GetString()!;
        var personId = application.GetProperty("personId").GetString()!;
        var referral = $"/api/financial-aid/applications/{referralId}";
        await Ok(secretary.PostAsJsonAsync($"{referral}/mapping-part-1", new
        {
            firstContactOn = "2026-11-02",
            contactChannel = "Phone",
            householdType = "Single",
            childrenInHousehold = 0,
            occupation = "Unemployed",
            hasIncome = false,
            urgentNeed = false,
        }));
        await Ok(secretary.PostAsJsonAsync($"{referral}/target-group-screening", new { inJobbtorgTargetGroup = true, targetGroups = new[] { "UnemployedOnAid" } }));
        await Poll.UntilAsync(async () => (await coach.GetFromJsonAsync<JsonElement>($"/api/jobbtorg/referrals?referralId={referralId}")).GetArrayLength() > 0 ? "received" : null,
            hop, "the Jobbtorg referral");
        await Ok(secretary.PostAsJsonAsync($"{referral}/mapping-part-3", new { newVisitOn = "2026-11-05", housing = "Sublet", socialNetwork = "Weak", healthSelfRating = "Poor" }));
        await Ok(secretary.PostAsJsonAsync($"{referral}/support-obstacles", new { category = "SocialMedical" }));
        await Ok(secretary.PostAsJsonAsync($"{referral}/route-decisions", new { routes = new[] { "DistrictIntervention" }, reason = "Egen insats", individualsView = "Vill komma igång" }));
        var interventionId = await Poll.UntilAsync(async () =>
        {
            var items = await consultant.GetFromJsonAsync<JsonElement>($"/api/interventions/referrals?personId={personId}");
            return items.GetArrayLength() > 0 ? items[0].GetProperty("interventionReferralId").GetString() : null;
        }, hop, "the intervention referral");
        var intervention = $"/api/interventions/referrals/{interventionId}";
        await Ok(consultant.PutAsJsonAsync($"{intervention}/intervention", new { interventionId = "5e6e1c1a-0001-4000-8000-000000000004" }));
        await Ok(consultant.PutAsJsonAsync($"{intervention}/assignment", new
        {
            purpose = "Rutin",
            goals = new[] { new { goal = "Fyra dagar i veckan", subGoals = Array.Empty<string>() } },
            tasks = new[] { "Verkstad" },
            expectedResult = "Arbetsträning",
            individualView = "Vill prova",
        }));
        await Ok(consultant.PutAsJsonAsync($"{intervention}/work-plan", new { content = "Förmiddagar i verkstaden", hoursPerWeek = 16 }));
        await Ok(consultant.PutAsJsonAsync($"{intervention}/implementation-plan", new { content = "Introduktion vecka ett" }));
        await Ok(consultant.PostAsJsonAsync($"{intervention}/start", new { aidDecisionReference = "BD-1" }));

        // My cases shows the stage once the follow-ups module heard of the start and scheduled the first follow-up.
        await Poll.UntilAsync(async () =>
        {
            var mine = await secretary.GetFromJsonAsync<JsonElement>("/api/follow-ups/cases/mine");
            return mine.EnumerateArray().Any(c => c.GetProperty("referralId").GetString() == referralId
                && c.GetProperty("stage").GetString() == "InterventionStarted" && c.GetProperty("nextFollowUpDueOn").ValueKind == JsonValueKind.String) ? "shown" : null;
        }, hop, "the case with its first follow-up in my cases");
        return referralId;
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task ScheduleAsync(Guid referralId, string district, string responsible, DateTimeOffset startedAt)
    {
        var endpoint = await fixture.Host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(ScheduleFollowUps)));
        await endpoint.Send(new ScheduleFollowUps(referralId, Guid.NewGuid(), district, startedAt, "P1M", "P3M", responsible));
    }

    /// <summary>axe-core's run of the whole page: no violation of impact serious or critical.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        // Evaluated through the DevTools protocol: a script tag would be inline, which the pages' CSP rightly refuses.
        (await page.EvaluateAsync<bool>("() => { " + await File.ReadAllTextAsync(AxeScript) + "\n; return typeof window.axe === 'object'; }")).Should().BeTrue();
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))");
        var serious = result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}, {v.GetProperty("nodes").GetInt32()} nodes)")
            .ToList();
        serious.Should().BeEmpty("axe-core finds no serious or critical accessibility violation");
    }
}
