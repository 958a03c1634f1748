using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>Through the API: workflows that run each other without end, instance properties on execute, the older usableAsActivity flag.</summary>
public sealed class ElsaCompatibilityApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task Two_workflows_used_as_activities_of_each_other_leave_a_faulted_instance_with_an_incident()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (ping, pong) = ($"Ping{suffix}", $"Pong{suffix}");
        await SaveAsync(owner, Usable(ping, ReferralFlowJson.Activity("Write1", "Elsa.WriteLine", ("text", ReferralFlowJson.Literal("ping")))));
        await SaveAsync(owner, Usable(pong, Calling("Call1", ping)));
        await SaveAsync(owner, Usable(ping, Calling("Call1", pong)));

        var response = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{ping}/execute", new { });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var instance = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        instance["subStatus"]!.ToString().Should().Be("Faulted");
        var stored = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instance["id"]}");
        var incidents = stored!["workflowState"]!["incidents"]!.AsArray();
        incidents.Should().ContainSingle().Which!["message"]!.ToString().Should().StartWith("Workflows run inside each other more than 16 levels deep")
            .And.Contain($"{ping} → {pong}");
    }

    [Theory]
    [InlineData("TokenBased", "Suspended")]
    [InlineData("CounterBased", "Finished")]
    public async Task Execute_takes_instance_properties_so_one_instance_can_run_in_token_mode(string mode, string expected)
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var id = $"modes-{Guid.NewGuid():N}"[..20];
        await SaveAsync(owner, MergeAfterUntakenBranch(id));

        var response = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/execute",
            new { properties = new JsonObject { ["Flowchart:ExecutionMode"] = mode } });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var instance = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        instance["subStatus"]!.ToString().Should().Be(expected, "a WaitAll join after an untaken branch waits in token mode and is skipped in counter mode");
        instance["workflowState"]!["properties"]!["Flowchart:ExecutionMode"]!.ToString().Should().Be(mode, "the property is kept for resumes");
    }

    [Fact]
    public async Task A_child_marked_usable_as_activity_only_at_the_top_level_can_be_used_and_runs()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var child = $"Legacy{Guid.NewGuid():N}"[..20];
        var model = Usable(child, ReferralFlowJson.Activity("Write1", "Elsa.WriteLine", ("text", ReferralFlowJson.Literal("legacy child"))));
        model.Remove("options");
        model["usableAsActivity"] = true;
        await SaveAsync(owner, model);
        var parent = $"uses-{child}";
        await SaveAsync(owner, new JsonObject
        {
            ["definitionId"] = parent,
            ["name"] = parent,
            ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = new JsonArray(Calling("Call1", child)), ["connections"] = new JsonArray() },
        });

        var response = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{parent}/execute", new { });

        (await response.Content.ReadFromJsonAsync<JsonObject>())!["subStatus"]!.ToString().Should().Be("Finished");
        var stored = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{child}");
        stored!["options"]!["usableAsActivity"]!.GetValue<bool>().Should().BeTrue("Studio reads the flag from options");
    }

    private static async Task SaveAsync(HttpClient client, JsonObject model)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Usable(string name, params JsonObject[] activities) => new()
    {
        ["definitionId"] = name,
        ["name"] = name,
        ["options"] = new JsonObject { ["usableAsActivity"] = true },
        ["root"] = new JsonObject
        {
            ["id"] = "Flowchart1",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = new JsonArray(activities),
            ["connections"] = new JsonArray(),
        },
    };

    /// <summary>The published version of <paramref name="definitionId"/> as an activity (its type is its name).</summary>
    private static JsonObject Calling(string id, string definitionId) => new()
    {
        ["id"] = id,
        ["type"] = definitionId,
        ["version"] = 1,
        ["workflowDefinitionId"] = definitionId,
    };

    /// <summary>Start → decision (false) → A or B → a WaitAll join → End: the True branch is never taken.</summary>
    private static JsonObject MergeAfterUntakenBranch(string id)
    {
        var decision = ReferralFlowJson.Activity("Decision1", "Elsa.FlowDecision",
            ("condition", new JsonObject { ["typeName"] = "Boolean", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "false" } }));
        var join = ReferralFlowJson.Activity("Join1", "Elsa.FlowJoin", ("mode", ReferralFlowJson.Literal("WaitAll")));
        return new JsonObject
        {
            ["definitionId"] = id,
            ["name"] = id,
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(
                    ReferralFlowJson.Activity("Start1", "Elsa.Start"), decision,
                    ReferralFlowJson.Activity("A", "Elsa.WriteLine", ("text", ReferralFlowJson.Literal("A"))),
                    ReferralFlowJson.Activity("B", "Elsa.WriteLine", ("text", ReferralFlowJson.Literal("B"))),
                    join, ReferralFlowJson.Activity("End1", "Elsa.End")),
                ["connections"] = new JsonArray(
                    ReferralFlowJson.Connection("Start1", "Decision1"),
                    ReferralFlowJson.Connection("Decision1", "A", "True"),
                    ReferralFlowJson.Connection("Decision1", "B", "False"),
                    ReferralFlowJson.Connection("A", "Join1"),
                    ReferralFlowJson.Connection("B", "Join1"),
                    ReferralFlowJson.Connection("Join1", "End1")),
            },
        };
    }
}
