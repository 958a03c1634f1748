using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>ExecuteWorkflow and DispatchWorkflow: child instances of published workflows, and parents waiting for them.</summary>
public sealed class ChildWorkflowTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task A_child_that_finishes_inline_hands_its_output_to_the_parent()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await SaveAsync(owner, Child($"double-{suffix}", waitFor: null));
        await SaveAsync(owner, Parent($"caller-{suffix}", "Elsa.ExecuteWorkflow", $"double-{suffix}", "getChild().output.Answer"));

        var parent = await ExecuteAsync(owner, $"caller-{suffix}");

        parent["subStatus"]!.ToString().Should().Be("Finished");
        parent["workflowState"]!["output"]!["Answer"]!.GetValue<long>().Should().Be(42);
        var children = await owner.PostAsJsonAsync("/elsa/api/workflow-instances", new { definitionId = $"double-{suffix}" });
        (await children.Content.ReadFromJsonAsync<JsonObject>())!["totalCount"]!.GetValue<int>().Should().Be(1, "the child is an instance of its own");
    }

    [Fact]
    public async Task A_parent_waits_for_a_suspended_child_and_resumes_with_its_output()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await SaveAsync(owner, Child($"approve-{suffix}", waitFor: $"Approved-{suffix}"));
        await SaveAsync(owner, Parent($"waiter-{suffix}", "Elsa.ExecuteWorkflow", $"approve-{suffix}", "getChild().Answer"));

        var parent = await ExecuteAsync(owner, $"waiter-{suffix}");
        parent["subStatus"]!.ToString().Should().Be("Suspended");

        (await owner.PostAsJsonAsync($"/elsa/api/events/Approved-{suffix}/trigger", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{parent["id"]}");
        after!["subStatus"]!.ToString().Should().Be("Finished");
        after["workflowState"]!["output"]!["Answer"]!.GetValue<long>().Should().Be(42);
    }

    [Fact]
    public async Task A_dispatched_child_starts_after_the_parents_burst_and_a_waiting_parent_resumes_when_it_finishes()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await SaveAsync(owner, Child($"background-{suffix}", waitFor: null));
        var model = Parent($"dispatcher-{suffix}", "Elsa.DispatchWorkflow", $"background-{suffix}", "getChild().Answer");
        model["root"]!["activities"]![0]!["waitForCompletion"] = new JsonObject
        {
            ["typeName"] = "Boolean",
            ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "true" },
        };
        await SaveAsync(owner, model);

        var parent = await ExecuteAsync(owner, $"dispatcher-{suffix}");

        var after = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{parent["id"]}");
        after!["subStatus"]!.ToString().Should().Be("Finished", "the dispatched child ran right after and resumed its parent");
        after["workflowState"]!["output"]!["Answer"]!.GetValue<long>().Should().Be(42);
    }

    private static async Task SaveAsync(HttpClient client, JsonObject model)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> ExecuteAsync(HttpClient client, string definitionId)
    {
        var response = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Doubles its input x into the output Answer, optionally after waiting for an event.</summary>
    private static JsonObject Child(string definitionId, string? waitFor)
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        if (waitFor is not null)
        {
            activities.Add(ReferralFlowJson.Activity("Wait1", "Elsa.Event", ("eventName", ReferralFlowJson.Literal(waitFor))));
            connections.Add(ReferralFlowJson.Connection("Wait1", "Answer1"));
        }

        activities.Add(ReferralFlowJson.Activity("Answer1", "Elsa.SetOutput", ("outputName", ReferralFlowJson.Literal("Answer")),
            ("outputValue", Script("getInput('x') * 2"))));
        return Definition(definitionId, activities, connections, [], "Answer");
    }

    /// <summary>Runs the child with x = 21 into variable Child, then sets the output Answer from it.</summary>
    private static JsonObject Parent(string definitionId, string activityType, string childId, string answer)
    {
        var run = ReferralFlowJson.Activity("Run1", activityType, ("workflowDefinitionId", ReferralFlowJson.Literal(childId)),
            ("input", new JsonObject { ["typeName"] = "ObjectDictionary", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = """{"x":21}""" } }));
        run["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "child" } };
        var activities = new JsonArray(run, ReferralFlowJson.Activity("Answer1", "Elsa.SetOutput",
            ("outputName", ReferralFlowJson.Literal("Answer")), ("outputValue", Script(answer))));
        var variables = new JsonArray(new JsonObject
        {
            ["id"] = "child",
            ["name"] = "Child",
            ["typeName"] = "Object",
            ["storageDriverTypeName"] = "Elsa.Workflows.WorkflowInstanceStorageDriver",
        });
        return Definition(definitionId, activities, new JsonArray(ReferralFlowJson.Connection("Run1", "Answer1")), variables, "Answer");
    }

    private static JsonObject Definition(string definitionId, JsonArray activities, JsonArray connections, JsonArray variables, string output) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["variables"] = variables,
        ["outputs"] = new JsonArray(new JsonObject { ["type"] = "Object", ["name"] = output }),
        ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = activities, ["connections"] = connections },
    };

    private static JsonObject Script(string script) => new()
    {
        ["typeName"] = "Object",
        ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script },
    };
}
