using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;
using Orchestration.Workflows.Activities;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>The descriptor, activity-execution and shell routes Elsa Studio needs, in the shapes it reads (ELSA-API.md §3–§8).</summary>
public sealed class StudioApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Activity_descriptors_list_every_registered_activity_once_with_typed_inputs_and_ports()
    {
        using var coordinator = await Host.CreateClientForAsync("coordinator");

        var body = await coordinator.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities?Refresh=True");

        var items = body!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        body["count"]!.GetValue<int>().Should().Be(items.Count);
        items.Select(i => (i["typeName"]!.ToString(), i["version"]!.GetValue<int>())).Should().OnlyHaveUniqueItems("Studio builds a dictionary keyed by type and version");
        var registered = ActivityRegistry.CreateDefault().All.Select(d => d.TypeName);
        items.Select(i => i["typeName"]!.ToString()).Should().Contain(registered);

        var decision = items.Single(i => i["typeName"]!.ToString() == "Elsa.FlowDecision");
        decision["ports"]!.AsArray().Select(p => p!["name"]!.ToString()).Should().Equal("True", "False");
        decision["kind"]!.ToString().Should().Be("Action");
        var join = items.Single(i => i["typeName"]!.ToString() == "Elsa.FlowJoin");
        var mode = join["inputs"]!.AsArray().Single(i => i!["name"]!.ToString() == "Mode")!;
        mode["uiHint"]!.ToString().Should().Be("dropdown");
        mode["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray().Select(i => i!["value"]!.ToString())
            .Should().Contain(["WaitAll", "WaitAny"]);
        var script = items.Single(i => i["typeName"]!.ToString() == "Elsa.RunJavaScript");
        script["inputs"]!.AsArray().Single(i => i!["name"]!.ToString() == "Script")!["uiSpecifications"]!["code-editor"]!["language"]!.ToString()
            .Should().Be("javascript");
    }

    [Fact]
    public async Task A_published_workflow_usable_as_an_activity_appears_as_a_descriptor_Studio_can_drop()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var id = $"reusable-{Guid.NewGuid():N}"[..20];
        var model = ReferralFlowJson.Model(id, "done");
        model["name"] = $"Check consent {id}";
        model["options"] = new JsonObject { ["usableAsActivity"] = true, ["activityCategory"] = "Referral" };
        model["inputs"] = new JsonArray(new JsonObject { ["type"] = "String", ["name"] = "Note", ["isArray"] = false, ["uiHint"] = "multiline" });
        var saved = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });
        saved.StatusCode.Should().Be(HttpStatusCode.OK);

        var body = await owner.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities?Refresh=True");

        var descriptor = body!["items"]!.AsArray().Single(i => i!["customProperties"]!["WorkflowDefinitionId"]?.ToString() == id)!;
        descriptor["category"]!.ToString().Should().Be("Referral");
        descriptor["isBrowsable"]!.GetValue<bool>().Should().BeTrue();
        descriptor["constructionProperties"]!["WorkflowDefinitionId"]!.ToString().Should().Be(id);
        descriptor["constructionProperties"]!["WorkflowDefinitionVersionId"]!.ToString().Should().NotBeNullOrEmpty();
        var note = descriptor["inputs"]!.AsArray().Single()!;
        note["uiHint"]!.ToString().Should().Be("multiline");
        note["isSynthetic"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Expression_descriptors_put_Literal_first_and_give_Monaco_languages_as_strings()
    {
        using var client = await Host.CreateClientForAsync("processowner");

        var body = await client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/expression-descriptors");

        var items = body!["items"]!.AsArray();
        items.Select(i => i!["type"]!.ToString()).Should().StartWith("Literal").And.Contain(["Object", "JavaScript", "Liquid"]);
        items.Single(i => i!["type"]!.ToString() == "JavaScript")!["properties"]!["MonacoLanguage"]!.ToString().Should().Be("javascript");
        items.SelectMany(i => i!["properties"]!.AsObject()).Should().OnlyContain(p => p.Value is JsonValue, "Studio fails on a non-string property value");
    }

    [Theory]
    [InlineData("/elsa/api/descriptors/variables", "String")]
    [InlineData("/elsa/api/descriptors/storage-drivers", "Elsa.Workflows.Services.WorkflowInstanceStorageDriver, Elsa.Workflows.Core")]
    [InlineData("/elsa/api/descriptors/workflow-activation-strategies", "Elsa.Workflows.Runtime.ActivationStrategies.AllowAlwaysStrategy, Elsa.Workflows.Runtime")]
    [InlineData("/elsa/api/descriptors/incident-strategies", "Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core")]
    [InlineData("/elsa/api/descriptors/incident-strategies", "Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core")]
    [InlineData("/elsa/api/descriptors/log-persistence-strategies", "Elsa.Workflows.LogPersistence.Strategies.Inherit, Elsa.Workflows.Core")]
    public async Task Settings_panel_lists_answer_with_the_type_names_Studio_stores(string route, string typeName)
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");

        var body = await client.GetFromJsonAsync<JsonObject>(route);

        body!["items"]!.AsArray().Select(i => i!["typeName"]!.ToString()).Should().Contain(typeName);
    }

    [Fact]
    public async Task Activity_executions_show_the_waiting_activity_with_its_inputs_blocked_on_the_canvas()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var id = $"executions-{Guid.NewGuid():N}"[..20];
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = ReferralFlowJson.Model(id, "v1"), publish = true })).EnsureSuccessStatusCode();
        var started = await (await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/execute", new { })).Content.ReadFromJsonAsync<JsonObject>();
        var instanceId = started!["id"]!.ToString();
        var definition = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}");
        var nodeIds = definition!["root"]!["activities"]!.AsArray().Select(a => a!["nodeId"]!.ToString()).ToArray();
        var waitNode = nodeIds.Single(n => n.EndsWith(":Wait1", StringComparison.Ordinal));

        var report = await (await owner.PostAsJsonAsync("/elsa/api/activity-executions/report", new { workflowInstanceId = instanceId, activityNodeIds = nodeIds }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var list = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/activity-executions/list?WorkflowInstanceId={instanceId}&ActivityNodeId={Uri.EscapeDataString(waitNode)}");
        var executionId = list!["items"]![0]!["id"]!.ToString();
        var record = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/activity-executions/by-id?id={executionId}");
        var summaries = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/activity-execution-summaries/list?WorkflowInstanceId={instanceId}&ActivityNodeId={Uri.EscapeDataString(waitNode)}");

        var wait = report!["stats"]!.AsArray().Single(s => s!["activityNodeId"]!.ToString() == waitNode)!;
        wait["isBlocked"]!.GetValue<bool>().Should().BeTrue();
        wait["uncompletedCount"]!.GetValue<int>().Should().Be(1);
        record!["activityState"]!["EventName"]!.ToString().Should().Be("IntakeCompleted");
        record["status"]!.ToString().Should().Be("Running");
        summaries!["items"]!.AsArray().Should().ContainSingle().Which!["id"]!.ToString().Should().Be(executionId);
    }

    [Fact]
    public async Task Incidents_of_an_instance_are_listed_and_the_instance_list_filters_on_them()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var id = $"incident-{Guid.NewGuid():N}"[..20];
        var model = ReferralFlowJson.Model(id, "v1");
        model["root"]!["activities"]![1] = ReferralFlowJson.Activity("Wait1", "Elsa.Fault", ("message", ReferralFlowJson.Literal("Broken on purpose")));
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true })).EnsureSuccessStatusCode();
        var started = await (await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/execute", new { })).Content.ReadFromJsonAsync<JsonObject>();
        var instanceId = started!["id"]!.ToString();

        var incidents = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}/incidents");
        var faulted = await (await owner.PostAsJsonAsync("/elsa/api/workflow-instances", new { definitionId = id, hasIncidents = true })).Content.ReadFromJsonAsync<JsonObject>();

        incidents!["count"]!.GetValue<int>().Should().Be(1);
        incidents["items"]![0]!.ToJsonString().Should().Contain("Broken on purpose");
        faulted!["items"]!.AsArray().Select(i => i!["id"]!.ToString()).Should().Equal(instanceId);
    }

    [Fact]
    public async Task A_connection_to_a_missing_activity_reaches_Studio_as_a_not_found_connection_and_still_blocks_publishing()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var id = $"dangling-{Guid.NewGuid():N}"[..20];
        var model = ReferralFlowJson.Model(id, "v1");
        model["root"]!["connections"]!.AsArray().Add(ReferralFlowJson.Connection("Mark1", "Nowhere"));
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = false })).EnsureSuccessStatusCode();

        var forStudio = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}");
        var resaved = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = forStudio, publish = true });

        forStudio!["root"]!["connections"]!.AsArray().Should().HaveCount(2, "the canvas cannot draw an edge to nowhere");
        forStudio["root"]!["customProperties"]!["notFoundConnections"]!.AsArray().Should().ContainSingle();
        resaved.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await resaved.Content.ReadAsStringAsync()).Should().Contain("A connection leads to 'Nowhere'");
    }

    [Fact]
    public async Task Only_process_owners_and_admins_may_change_definitions_in_bulk_others_may_read_and_anonymous_is_refused()
    {
        foreach (var (user, expected) in new[] { ("processowner", HttpStatusCode.OK), ("admin", HttpStatusCode.OK), ("coordinator", HttpStatusCode.Forbidden) })
        {
            using var client = await Host.CreateClientForAsync(user);
            var response = await client.PostAsJsonAsync("/elsa/api/bulk-actions/retract/workflow-definitions/by-definition-ids", new { definitionIds = new[] { "none" } });
            response.StatusCode.Should().Be(expected, $"{user} bulk-retracting");
        }

        await AuthorizationMatrix.AssertAsync(Host, HttpMethod.Delete, "/elsa/api/workflow-definition-versions/unknown", "ProcessOwner", "Admin");
        await AuthorizationMatrix.AssertAsync(Host, HttpMethod.Get, "/elsa/api/descriptors/activities",
            "ProcessOwner", "SocialSecretary", "JobbtorgCoach", "WorkConsultant", "Coordinator", "Admin");
        using var coordinator = await Host.CreateClientForAsync("coordinator");
        var list = await coordinator.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions?versionOptions=Latest");
        list!["links"]!.AsArray().Select(l => l!["rel"]!.ToString()).Should().NotContain("bulk-publish", "without it Studio's list is read-only");
    }

    [Fact]
    public async Task A_call_we_do_not_serve_is_answered_without_404_an_empty_list_for_reads_and_501_for_changes()
    {
        using var client = await Host.CreateClientForAsync("processowner");

        var read = await client.GetAsync("/elsa/api/workflow-definitions/subgraph/some-id");
        var change = await client.PostAsJsonAsync("/elsa/api/alterations/submit", new { });
        using var anonymous = Host.CreateClient();
        var anonymousRead = await anonymous.GetAsync("/elsa/api/workflow-definitions/subgraph/some-id");

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.GetValues("x-orchestration-unsupported").Should().Equal("true");
        (await read.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Should().BeEmpty();
        change.StatusCode.Should().Be(HttpStatusCode.NotImplemented);
        anonymousRead.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_root_leads_to_the_Studio_shell_which_anyone_may_load()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

        var root = await client.GetAsync("/");
        var bare = await client.GetAsync("/studio");
        var shell = await client.GetAsync("/studio/");
        var script = await client.GetAsync("/studio/shell/shell.js");

        root.StatusCode.Should().Be(HttpStatusCode.Redirect);
        root.Headers.Location!.ToString().Should().Be("/studio/");
        bare.Headers.Location!.ToString().Should().Be("/studio/");
        shell.StatusCode.Should().Be(HttpStatusCode.OK);
        shell.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await shell.Content.ReadAsStringAsync();
        html.Should().Contain("<base href=\"/studio/\" />").And.Contain("/scalar").And.Contain("login-form");
        (await script.Content.ReadAsStringAsync()).Should().Contain("/identity/refresh-token").And.Contain("customElements.whenDefined");
    }
}
