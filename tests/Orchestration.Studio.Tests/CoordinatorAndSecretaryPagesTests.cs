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
/// follow-ups the module holds, a moved date appears on the case's timeline, a coordinator sees nothing of another
/// district, and axe-core (npm, restored beside the pages) finds no serious or critical violation.
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
