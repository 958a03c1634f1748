using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Workflows.Messaging.Contracts;
using Orchestration.Workflows.Persistence;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Studio.Tests;

/// <summary>
/// Issue #18, "Done when": a process owner publishes a new version of the district intervention with the follow-up
/// interval P2M in Studio; interventions started afterwards use it, a running one keeps P3M.
/// </summary>
[Collection(StudioCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class ProcessOwnerIntervalTests(StudioFixture fixture)
{
    [Fact]
    public async Task A_follow_up_interval_published_in_Studio_applies_to_new_district_interventions_while_a_running_one_keeps_its_own()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var running = await OpenDistrictInterventionAsync();

        await using var studio = await fixture.SignInAsync("processowner", nameof(A_follow_up_interval_published_in_Studio_applies_to_new_district_interventions_while_a_running_one_keeps_its_own));
        await studio.Page.GetByText("District intervention", new() { Exact = true }).ClickAsync();
        await studio.WaitForViewAsync("editor");
        await studio.Node("ScheduleFollowUps").WaitForAsync();
        await studio.Page.GetByRole(AriaRole.Tab, new() { Name = "Variables" }).ClickAsync();
        await studio.Page.Locator("tr", new() { HasText = "FollowUpInterval" }).Locator("button").Last.ClickAsync();
        await studio.Page.GetByText("Edit", new() { Exact = true }).ClickAsync();
        var dialog = studio.Page.Locator(".mud-dialog");
        var defaultValue = dialog.GetByLabel("Default value");
        await Assertions.Expect(defaultValue).ToHaveValueAsync("P3M");
        await defaultValue.FillAsync("P2M");
        await Assertions.Expect(defaultValue).ToHaveValueAsync("P2M");
        await studio.ScreenshotAsync("follow-up-interval-P2M");
        await studio.SaveCausedByAsync(() => dialog.Locator(".mud-dialog-actions button.mud-button-text-primary").ClickAsync(), publish: false, containing: "P2M");
        var published = await studio.SaveCausedByAsync(() => studio.Page.Locator(".mud-button-group-root button.mud-primary-text").First.ClickAsync(), publish: true);
        published.Status.Should().Be(200, await published.TextAsync());
        await studio.ScreenshotAsync("published");
        var version = await owner.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions/by-definition-id/district-intervention?versionOptions=Published");
        version!["version"]!.GetValue<int>().Should().BeGreaterThan(1);
        version["variables"]!.AsArray().Single(v => v!["name"]!.ToString() == "FollowUpInterval")!["value"]!.ToString().Should().Be("P2M");

        var later = await OpenDistrictInterventionAsync();
        await StartAsync(running);
        await StartAsync(later);

        (await IntervalScheduledForAsync(running)).Should().Be("P3M", "the intervention started on the earlier version keeps its interval");
        (await IntervalScheduledForAsync(later)).Should().Be("P2M", "an intervention started after the publish uses the new version");
        await studio.AssertHealthyAsync();
    }

    /// <summary>A referral whose route decision chose a district intervention, and the intervention referral the service opened.</summary>
    private async Task<(Guid ReferralId, Guid InterventionReferralId)> OpenDistrictInterventionAsync()
    {
        var referralId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await PublishAsync(new ApplicationRegistered(referralId, Guid.NewGuid(), "spanga-tensta", now));
        await PublishAsync(new RouteDecided(referralId, Guid.NewGuid(), "spanga-tensta", [Route.DistrictIntervention], false, now));
        var opened = await Poll.UntilAsync(async () =>
        {
            await using var scope = fixture.Host.Services.CreateAsyncScope();
            var ids = await scope.ServiceProvider.GetRequiredService<InterventionsDbContext>().Referrals.AsNoTracking()
                .Where(r => r.ReferralId == referralId).Select(r => r.Id).ToListAsync();
            return ids.Count == 1 ? (object)ids[0] : null;
        }, TimeSpan.FromSeconds(60), "the intervention referral the process asked for");
        return (referralId, (Guid)opened);
    }

    private Task StartAsync((Guid ReferralId, Guid InterventionReferralId) intervention) =>
        PublishAsync(new InterventionStarted(intervention.ReferralId, intervention.InterventionReferralId, Guid.NewGuid(), "spanga-tensta", DateTimeOffset.UtcNow));

    private async Task<string> IntervalScheduledForAsync((Guid ReferralId, Guid InterventionReferralId) intervention) =>
        (string)await Poll.UntilAsync(async () =>
        {
            await using var scope = fixture.Host.Services.CreateAsyncScope();
            var id = intervention.InterventionReferralId.ToString();
            var bodies = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.MessageType.Contains("ScheduleFollowUps") && m.Body.Contains(id)).Select(m => m.Body).ToListAsync();
            return bodies.Count == 1 ? JsonNode.Parse(bodies[0])!["interval"]!.ToString() : null;
        }, TimeSpan.FromSeconds(60), "ScheduleFollowUps of the intervention");

    /// <summary>An event of a service, handed to the workflow runtime as the messaging bridge does.</summary>
    private async Task PublishAsync<T>(T message)
        where T : class
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().TriggerEventFromMessageAsync(typeof(T).Name, ContractCorrelation.Of(message),
            JsonSerializer.SerializeToNode(message, ContractJson.Options) as JsonObject, Guid.NewGuid(), ContractDistrict.Of(message), CancellationToken.None);
    }
}
