using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Orchestration.Studio.Tests;

/// <summary>
/// A process owner edits a workflow in the real Elsa Studio editor: toolbox, connections, variables and publish,
/// and the runtime then runs what was published (issue #7, "Done when").
/// </summary>
[Collection(StudioCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Browser")]
public sealed class DesignerEditingTests(StudioFixture fixture)
{
    [Fact]
    public async Task A_published_edit_runs_in_new_instances_while_an_instance_started_before_keeps_its_version()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var id = SampleWorkflows.NewId("edit");
        var name = $"Designer sample {id}";
        await SampleWorkflows.SaveAsync(owner, SampleWorkflows.Load("designer-sample.json", id, name), publish: true);
        var before = (await SampleWorkflows.ExecuteAsync(owner, id))["id"]!.ToString();

        await using var studio = await fixture.SignInAsync("processowner", nameof(A_published_edit_runs_in_new_instances_while_an_instance_started_before_keeps_its_version));
        // Found as a user finds it among many: by the list's search (the list pages, and the suite adds definitions).
        await studio.Page.GetByPlaceholder("Search", new() { Exact = false }).First.FillAsync(id);
        await studio.Page.GetByText(name).ClickAsync();
        await studio.WaitForViewAsync("editor");
        await studio.Node("Mark1").WaitForAsync();
        await studio.ScreenshotAsync("opened-on-canvas");

        await studio.SaveCausedByAsync(() => studio.DropActivityAsync("Console", "Write Line", 700, 470), publish: false, containing: "Elsa.WriteLine");
        await studio.Node("WriteLine1").WaitForAsync();
        await studio.ScreenshotAsync("activity-added");
        await studio.SaveCausedByAsync(() => studio.ConnectAsync("Mark1", "Done", "WriteLine1"), publish: false, containing: "\"activity\":\"Mark1\",\"port\":\"Done\"},\"target\"");
        await studio.ScreenshotAsync("connected");

        await studio.Page.GetByRole(AriaRole.Tab, new() { Name = "Variables" }).ClickAsync();
        await studio.Page.Locator("tr", new() { HasText = "Greeting" }).Locator("button").Last.ClickAsync();
        await studio.Page.GetByText("Edit", new() { Exact = true }).ClickAsync();
        var dialog = studio.Page.Locator(".mud-dialog");
        var defaultValue = dialog.GetByLabel("Default value");
        // The dialog fills its fields after it opens; typing before that would be overwritten.
        await Assertions.Expect(defaultValue).ToHaveValueAsync("Hello");
        await defaultValue.FillAsync("Hej");
        await Assertions.Expect(defaultValue).ToHaveValueAsync("Hej");
        await studio.ScreenshotAsync("variable-default-changed");
        await studio.SaveCausedByAsync(() => dialog.Locator(".mud-dialog-actions button.mud-button-text-primary").ClickAsync(), publish: false, containing: "Hej");

        var published = await studio.SaveCausedByAsync(() => studio.Page.Locator(".mud-button-group-root button.mud-primary-text").First.ClickAsync(), publish: true);
        published.Status.Should().Be(200, await published.TextAsync());
        await studio.ScreenshotAsync("published");

        var version = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}?versionOptions=Published");
        version!["version"]!.GetValue<int>().Should().Be(2);
        version["variables"]![0]!["value"]!.ToString().Should().Be("Hej");
        var root = version["root"]!;
        var writeLine = root["activities"]!.AsArray().Single(a => a!["type"]!.ToString() == "Elsa.WriteLine")!;
        root["connections"]!.AsArray().Should().Contain(c => c!["source"]!["activity"]!.ToString() == "Mark1"
            && c["target"]!["activity"]!.ToString() == writeLine["id"]!.ToString(), "the connection drawn on the canvas was published");

        var after = (await SampleWorkflows.ExecuteAsync(owner, id))["id"]!.ToString();
        await ResumeAsync(owner, before);
        await ResumeAsync(owner, after);
        (await ResultAsync(owner, before)).Should().Be("Hello", "the instance started before the publish stays on version 1");
        (await ResultAsync(owner, after)).Should().Be("Hej", "a new instance runs the published version 2");
        (await JournalTypesAsync(owner, before)).Should().NotContain("Elsa.WriteLine");
        (await JournalTypesAsync(owner, after)).Should().Contain("Elsa.WriteLine");
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task Publishing_an_invalid_change_is_refused_and_the_editor_shows_why()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var id = SampleWorkflows.NewId("invalid");
        var model = SampleWorkflows.Load("designer-sample.json", id, $"Invalid change {id}");
        // A connection to an activity that does not exist, as a hand-edited or half-imported file may hold.
        model["root"]!["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "Mark1", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "Nowhere", ["port"] = "In" },
        });
        await SampleWorkflows.SaveAsync(owner, model, publish: false);

        await using var studio = await fixture.SignInAsync("processowner", nameof(Publishing_an_invalid_change_is_refused_and_the_editor_shows_why));
        await studio.OpenAsync("editor", "definitionId", id);
        await studio.Node("Mark1").ClickAsync();
        var editor = studio.Page.Locator(".monaco-editor", new() { HasText = "getVariable" });
        await editor.ClickAsync();
        await studio.Page.Keyboard.PressAsync("Control+A");
        await studio.SaveCausedByAsync(() => studio.Page.Keyboard.TypeAsync("return (1 * ;"), publish: false, containing: "return (1 * ;");
        await studio.ScreenshotAsync("broken-javascript-typed");

        // The browser reports the refused publish (400) as a failed resource; that one is expected here.
        studio.Traffic.Expect("status of 400");
        studio.Traffic.Expect("HTTP 400");
        var refused = await studio.SaveCausedByAsync(() => studio.Page.Locator(".mud-button-group-root button.mud-primary-text").First.ClickAsync(), publish: true);
        refused.Status.Should().Be(400);
        await studio.Page.GetByText("Mark1: The JavaScript expression of 'OutputValue' does not parse").WaitForAsync();
        await studio.Page.GetByText("Mark1: A connection leads to 'Nowhere'").WaitForAsync();
        await studio.ScreenshotAsync("publish-refused-with-errors");

        (await owner.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{id}?versionOptions=Published")).StatusCode
            .Should().Be(System.Net.HttpStatusCode.NotFound, "nothing was published");
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task A_workflow_exported_from_another_Elsa_server_imports_through_the_import_button_and_opens_on_the_canvas()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Workflows", "elsa31-export.json");
        await using var studio = await fixture.SignInAsync("processowner", nameof(A_workflow_exported_from_another_Elsa_server_imports_through_the_import_button_and_opens_on_the_canvas));

        await studio.Page.Locator(".mud-button-group-root button").Last.ClickAsync();
        await studio.ScreenshotAsync("create-menu");
        var chooser = await studio.Page.RunAndWaitForFileChooserAsync(() => studio.Page.GetByText("Import", new() { Exact = true }).ClickAsync());
        await chooser.SetFilesAsync(file);
        var imported = studio.Page.GetByText("Intake reminder (exported from Elsa 3.1)");
        await imported.WaitForAsync();
        await studio.ScreenshotAsync("imported-into-the-list");

        await imported.ClickAsync();
        await studio.WaitForViewAsync("editor");
        foreach (var name in new[] { "Announce", "ReminderDue", "SendReminder", "NoReminder" })
        {
            await studio.Node(name).WaitForAsync();
        }

        // The three flat-form connections of the file are drawn.
        await Assertions.Expect(studio.Page.Locator("g.x6-edge")).ToHaveCountAsync(3);
        await studio.ScreenshotAsync("imported-on-the-canvas");
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task Running_from_the_editor_starts_the_workflow_and_opens_the_instance_and_the_version_history_lists_both_versions()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var id = SampleWorkflows.NewId("run");
        var model = SampleWorkflows.Load("designer-sample.json", id, $"Run sample {id}");
        await SampleWorkflows.SaveAsync(owner, model, publish: true);
        model["description"] = "Second version";
        await SampleWorkflows.SaveAsync(owner, model, publish: true);

        await using var studio = await fixture.SignInAsync("processowner", nameof(Running_from_the_editor_starts_the_workflow_and_opens_the_instance_and_the_version_history_lists_both_versions));
        await studio.OpenAsync("editor", "definitionId", id);
        await studio.Node("Mark1").WaitForAsync();
        await studio.Page.Locator(".mud-tab", new() { HasText = "Version history" }).ClickAsync();
        await Assertions.Expect(studio.Page.Locator("tbody tr")).ToHaveCountAsync(2);
        await studio.ScreenshotAsync("version-history");

        // The Run button has no callback in this bundle: Studio navigates to its own route, which the shell follows.
        await studio.Page.Locator("button.mud-success-text").First.ClickAsync();
        await studio.WaitForViewAsync("instance");
        var instanceId = new Uri(studio.Page.Url).Query.Split("instanceId=")[1];
        await studio.Page.GetByText("Event - Suspended").WaitForAsync();
        await studio.ScreenshotAsync("started-instance");

        var instance = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}");
        instance!["definitionId"]!.ToString().Should().Be(id);
        instance["version"]!.GetValue<int>().Should().Be(2);
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task Creating_a_workflow_in_the_list_opens_it_on_an_empty_canvas_and_saves_it_as_a_draft()
    {
        await using var studio = await fixture.SignInAsync("processowner", nameof(Creating_a_workflow_in_the_list_opens_it_on_an_empty_canvas_and_saves_it_as_a_draft));
        var name = $"Created in Studio {Guid.NewGuid():N}"[..26];

        await studio.Page.GetByRole(AriaRole.Button, new() { Name = "Create workflow" }).ClickAsync();
        var dialog = studio.Page.Locator(".mud-dialog");
        var nameField = dialog.GetByLabel("Name");
        // Studio proposes a free name ("Workflow 1", probed with is-name-unique) once the dialog is open; wait for it.
        await Assertions.Expect(nameField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^Workflow \d+$"));
        await nameField.FillAsync(name);
        await Assertions.Expect(nameField).ToHaveValueAsync(name);
        await studio.ScreenshotAsync("create-dialog");
        var created = await studio.Page.RunAndWaitForResponseAsync(
            () => dialog.Locator(".mud-dialog-actions button.mud-button-text-primary").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal));
        created.Status.Should().Be(200);
        await studio.WaitForViewAsync("editor");
        await studio.Page.Locator(".x6-graph").WaitForAsync();
        await studio.Page.GetByText(name, new() { Exact = false }).First.WaitForAsync();
        await studio.ScreenshotAsync("empty-canvas");

        var definitionId = Uri.UnescapeDataString(new Uri(studio.Page.Url).Query.Split("definitionId=")[1]);
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var draft = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}");
        draft!["name"]!.ToString().Should().Be(name);
        draft["isPublished"]!.GetValue<bool>().Should().BeFalse();
        draft["root"]!["type"]!.ToString().Should().Be("Elsa.Flowchart");
        studio.Traffic.ApiCalls(fixture.Host.BaseAddress).Should().Contain(c => c.StartsWith("GET /elsa/api/workflow-definitions/validation/is-name-unique", StringComparison.Ordinal));
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task A_published_workflow_usable_as_an_activity_is_in_the_toolbox_and_can_be_dropped_into_another()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var reusableId = SampleWorkflows.NewId("reusable");
        var reusable = SampleWorkflows.Load("designer-sample.json", reusableId, $"Check consent {reusableId}");
        reusable["options"] = new JsonObject { ["usableAsActivity"] = true, ["activityCategory"] = "Referral steps" };
        await SampleWorkflows.SaveAsync(owner, reusable, publish: true);
        var hostId = SampleWorkflows.NewId("composite");
        await SampleWorkflows.SaveAsync(owner, SampleWorkflows.Load("designer-sample.json", hostId, $"Composite {hostId}"), publish: false);

        await using var studio = await fixture.SignInAsync("processowner", nameof(A_published_workflow_usable_as_an_activity_is_in_the_toolbox_and_can_be_dropped_into_another));
        await studio.OpenAsync("editor", "definitionId", hostId);
        await studio.Node("Mark1").WaitForAsync();
        var saved = await studio.SaveCausedByAsync(() => studio.DropActivityAsync("Referral steps", $"Check consent {reusableId}", 450, 470),
            publish: false, containing: reusableId);
        await studio.ScreenshotAsync("workflow-activity-dropped");

        var dropped = JsonNode.Parse(saved.Request.PostData!)!["model"]!["root"]!["activities"]!.AsArray()
            .Single(a => a!["workflowDefinitionId"]?.ToString() == reusableId)!;
        dropped["type"]!.ToString().Should().Be(Orchestration.Workflows.Activities.Composition.WorkflowActivityDescriptors.TypeName($"Check consent {reusableId}"),
            "Studio names the node by the descriptor's type: the workflow's name in PascalCase");
        dropped["workflowDefinitionVersionId"]!.ToString().Should().NotBeNullOrEmpty();
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task The_shipped_referral_process_opens_on_the_canvas_with_its_message_activities()
    {
        await using var studio = await fixture.SignInAsync("processowner", nameof(The_shipped_referral_process_opens_on_the_canvas_with_its_message_activities));

        await studio.Page.GetByText("Referral process", new() { Exact = true }).ClickAsync();
        await studio.WaitForViewAsync("editor");
        foreach (var name in new[] { "ApplicationRegistered", "InitialMapping", "RouteDecided", "ActOnRouteDecision", "ReturnToDistrict", "ScheduleRestartFollowUps", "CaseClosed" })
        {
            await studio.Node(name).WaitForAsync();
        }

        // A message activity in the part of the wide canvas that the editor shows first.
        await studio.Node("ScheduleRestartFollowUps").ClickAsync();
        await studio.ScreenshotAsync("referral-process");
        await studio.AssertHealthyAsync();
    }

    private static async Task ResumeAsync(HttpClient client, string instanceId) =>
        (await client.PostAsJsonAsync("/elsa/api/events/GoAhead/trigger", new { workflowInstanceId = instanceId })).EnsureSuccessStatusCode();

    private static async Task<string?> ResultAsync(HttpClient client, string instanceId)
    {
        var instance = await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}");
        instance!["subStatus"]!.ToString().Should().Be("Finished");
        return instance["workflowState"]!["output"]!["Result"]?.ToString();
    }

    private static async Task<IReadOnlyList<string>> JournalTypesAsync(HttpClient client, string instanceId)
    {
        var journal = await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}/journal?take=500");
        return journal!["items"]!.AsArray().Select(j => j!["activityType"]!.ToString()).ToList();
    }
}
