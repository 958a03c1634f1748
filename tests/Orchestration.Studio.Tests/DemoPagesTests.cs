using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Orchestration.Host.Demo;
using Orchestration.Testing.Hosting;

namespace Orchestration.Studio.Tests;

/// <summary>
/// What a newcomer sees after <c>-- demo</c> (a small batch, on a host of its own: the demo needs its own clock):
/// the coordinator's page lists an overdue follow-up with its escalation and draws its charts from the statistics,
/// and Studio lists the referral process's running instances. Screenshots under TestResults/studio/&lt;test&gt;/.
/// </summary>
[Collection(StudioCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DemoPagesTests(StudioFixture fixture)
{
    [Fact]
    public async Task After_the_demo_the_coordinator_sees_an_overdue_escalated_follow_up_and_charts_and_Studio_lists_running_instances()
    {
        var clock = new DemoClock(DemoPlan.StartFor(TimeProvider.System.GetUtcNow()));
        await using var host = await TestHost.StartAsync(clock);
        var summary = await new DemoRunner(host.Services, host.BaseAddress, clock, TextWriter.Null).RunAsync(40, CancellationToken.None);
        summary.EscalatedOverdueFollowUps.Should().BePositive();

        const string test = nameof(After_the_demo_the_coordinator_sees_an_overdue_escalated_follow_up_and_charts_and_Studio_lists_running_instances);
        await using (var coordinator = await SignInAsync(host, "coordinator", test))
        {
            await coordinator.Page.GotoAsync(new Uri(host.BaseAddress, "/pages/koordinator.html").ToString());
            var overdue = coordinator.Page.Locator("#overdue tr");
            await Assertions.Expect(overdue.First).ToContainTextAsync("socialsecretary");
            await Assertions.Expect(overdue.First).ToContainTextAsync("eskalerad ");
            (await overdue.First.InnerTextAsync()).Should().NotContain("ej eskalerad", "the overdue follow-up was escalated");
            await Assertions.Expect(coordinator.Page.Locator("#figures tr").First).ToBeVisibleAsync();
            (await coordinator.Page.EvaluateAsync<int>("() => Object.keys(Chart.instances).length")).Should().Be(4);
            (await coordinator.Page.EvaluateAsync<int>("() => Chart.getChart('chart-referrals').data.datasets[0].data.reduce((a, b) => a + b, 0)"))
                .Should().BeGreaterThanOrEqualTo(5, "the demo's applications show above the suppression threshold");
            await coordinator.ScreenshotAsync("coordinator-after-demo");

            // Over the whole period the district's follow-ups and started interventions rise above the threshold too.
            await coordinator.Page.Locator("#period").SelectOptionAsync("Whole");
            await coordinator.Page.Locator("#filters button[type=submit]").ClickAsync();
            await Assertions.Expect(coordinator.Page.Locator("#figures")).ToContainTextAsync("Uppföljningar");
            var totals = await coordinator.Page.EvaluateAsync<Dictionary<string, int>>(
                "() => Object.fromEntries(['chart-referrals', 'chart-followups', 'chart-started', 'chart-closures'].map(id => " +
                "[id, Chart.getChart(id).data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0)]))");
            totals.Where(t => t.Key != "chart-closures").Should().OnlyContain(t => t.Value >= 5,
                "referrals, follow-ups and started interventions each show figures at or above the threshold: {0}", string.Join(", ", totals));
            await coordinator.ScreenshotAsync("coordinator-whole-period");
            await coordinator.AssertHealthyAsync();
        }

        using var owner = await host.CreateClientForAsync("processowner");
        var running = (await (await owner.PostAsJsonAsync("/elsa/api/workflow-instances", new { status = "Running" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var newest = running["items"]!.AsArray()[0]!["id"]!.ToString();
        await using var studio = await SignInAsync(host, "processowner", test + "/studio-instances");
        await studio.OpenAsync("instances");
        await studio.Page.GetByText(newest).First.WaitForAsync();
        await studio.ScreenshotAsync("studio-running-instances");
        await studio.AssertHealthyAsync();
    }

    private async Task<StudioPage> SignInAsync(TestHost host, string userName, string testName)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = new StudioPage(await context.NewPageAsync(), host.BaseAddress, testName);
        await page.Page.GotoAsync(new Uri(host.BaseAddress, "/studio/").ToString());
        await page.SignInAsync(userName, StudioFixture.LocalAccountPassword(userName));
        return page;
    }
}
