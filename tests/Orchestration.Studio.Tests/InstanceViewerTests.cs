using System.Net.Http.Json;

namespace Orchestration.Studio.Tests;

/// <summary>The instance viewer on a waiting instance: journal, an activity's evaluated inputs, and live updates by polling.</summary>
[Collection(StudioCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class InstanceViewerTests(StudioFixture fixture)
{
    [Fact]
    public async Task A_suspended_instance_shows_its_journal_and_inputs_and_the_viewer_follows_its_resumption()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var id = SampleWorkflows.NewId("viewer");
        await SampleWorkflows.SaveAsync(owner, SampleWorkflows.Load("designer-sample.json", id, $"Viewer sample {id}"), publish: true);
        var instanceId = (await SampleWorkflows.ExecuteAsync(owner, id))["id"]!.ToString();

        // An instance run by hand belongs to no district, so only process owners and admins may watch it (a
        // caseworker sees their district's referrals; InstanceDistrictScopeTests). Read-only Studio: StudioShellTests.
        await using var studio = await fixture.SignInAsync("processowner", nameof(A_suspended_instance_shows_its_journal_and_inputs_and_the_viewer_follows_its_resumption));
        await studio.OpenAsync("instances");
        await studio.Page.GetByText(instanceId).ClickAsync();
        await studio.WaitForViewAsync("instance");
        await studio.Page.GetByText("Event - Suspended").WaitForAsync();
        await Expect(studio, "Sub status", "Suspended");
        await studio.ScreenshotAsync("suspended-with-journal");

        await studio.Node("Wait1").ClickAsync();
        await Expect(studio, "EventName", "GoAhead");
        await studio.ScreenshotAsync("activity-inputs");

        (await owner.PostAsJsonAsync("/elsa/api/events/GoAhead/trigger", new { workflowInstanceId = instanceId })).EnsureSuccessStatusCode();

        // Studio polls execution-state every 5 s and re-reads the journal when the instance changed (ELSA-API.md §6.6).
        // Generous: with other test assemblies running beside the browser, a poll cycle can take far longer than 5 s.
        await studio.Page.GetByText("Set Output - Completed").WaitForAsync(new() { Timeout = 120_000 });
        await Expect(studio, "Sub status", "Finished");
        await studio.ScreenshotAsync("resumed-and-finished");
        studio.Traffic.ApiCalls(fixture.Host.BaseAddress).Should().Contain(c => c.StartsWith($"GET /elsa/api/workflow-instances/{instanceId}/execution-state", StringComparison.Ordinal));
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task A_faulted_instance_shows_its_incident_and_the_faulted_activity()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var id = SampleWorkflows.NewId("fault");
        var model = SampleWorkflows.Load("designer-sample.json", id, $"Fault sample {id}");
        var mark = model["root"]!["activities"]![2]!.AsObject();
        mark["outputValue"] = new System.Text.Json.Nodes.JsonObject
        {
            ["typeName"] = "Object",
            ["expression"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "JavaScript", ["value"] = "throw new Error('Register unavailable')" },
        };
        await SampleWorkflows.SaveAsync(owner, model, publish: true);
        var instanceId = (await SampleWorkflows.ExecuteAsync(owner, id))["id"]!.ToString();
        (await owner.PostAsJsonAsync("/elsa/api/events/GoAhead/trigger", new { workflowInstanceId = instanceId })).EnsureSuccessStatusCode();

        await using var studio = await fixture.SignInAsync("processowner", nameof(A_faulted_instance_shows_its_incident_and_the_faulted_activity));
        await studio.OpenAsync("instance", "instanceId", instanceId);
        await studio.Page.GetByText("Set Output - Faulted").WaitForAsync();
        await Expect(studio, "Sub status", "Faulted");
        await Expect(studio, "Incidents", "1");
        await studio.Page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "Incidents" }).ClickAsync();
        await studio.Page.GetByText("Register unavailable").First.WaitForAsync();
        await studio.ScreenshotAsync("incident");
        await studio.AssertHealthyAsync();
    }

    /// <summary>A row of a details table (label cell, value cell) shows the value.</summary>
    private static async Task Expect(StudioPage studio, string label, string value) =>
        await studio.Page.Locator("tr", new() { HasText = label }).Filter(new() { HasText = value }).First.WaitForAsync();
}
