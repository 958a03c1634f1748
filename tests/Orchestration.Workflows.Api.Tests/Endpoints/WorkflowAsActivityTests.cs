using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>A published workflow marked usable as an activity runs inside the calling instance, with inputs, outputs and outcome ports.</summary>
public sealed class WorkflowAsActivityTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Theory]
    [InlineData("8", "approved with yes")]
    [InlineData("3", "rejected with no")]
    public async Task The_child_decides_the_port_and_hands_back_its_output(string score, string expected)
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var childName = $"Assess referral{suffix}";
        await SaveAsync(owner, Child($"assess-{suffix}", childName));
        await SaveAsync(owner, Parent($"caller-{suffix}", $"assess-{suffix}", $"AssessReferral{suffix}", score));

        var response = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/caller-{suffix}/execute", new { });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var instance = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        instance["subStatus"]!.ToString().Should().Be("Finished");
        instance["workflowState"]!["output"]!["Result"]!.ToString().Should().Be(expected);
        var journal = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instance["id"]}/journal?take=200");
        journal!["items"]!.AsArray().Select(j => j!["activityId"]!.ToString()).Should().Contain("Check1", "the child ran inside the same instance");
    }

    private static async Task SaveAsync(HttpClient client, JsonObject model)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Decision on input Score: sets output Decision and completes with Approved or Rejected.</summary>
    private static JsonObject Child(string definitionId, string name) => JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "name": "{{name}}",
          "options": { "usableAsActivity": true },
          "inputs": [ { "type": "Int32", "name": "Score" } ],
          "outputs": [ { "type": "String", "name": "Decision" } ],
          "outcomes": [ "Approved", "Rejected" ],
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Check1", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "getInput('Score') > 5" } } },
              { "id": "Yes1", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Decision" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "Literal", "value": "yes" } } },
              { "id": "No1", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Decision" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "Literal", "value": "no" } } },
              { "id": "Approved1", "type": "Elsa.Complete", "outcomes": { "typeName": "Object", "expression": { "type": "Object", "value": "[\"Approved\"]" } } },
              { "id": "Rejected1", "type": "Elsa.Complete", "outcomes": { "typeName": "Object", "expression": { "type": "Object", "value": "[\"Rejected\"]" } } }
            ],
            "connections": [
              { "source": { "activity": "Check1", "port": "True" }, "target": { "activity": "Yes1", "port": "In" } },
              { "source": { "activity": "Check1", "port": "False" }, "target": { "activity": "No1", "port": "In" } },
              { "source": { "activity": "Yes1", "port": "Done" }, "target": { "activity": "Approved1", "port": "In" } },
              { "source": { "activity": "No1", "port": "Done" }, "target": { "activity": "Rejected1", "port": "In" } }
            ] } }
        """)!.AsObject();

    /// <summary>Runs the child as an activity (as Studio stores a dropped workflow activity) and follows its outcome ports.</summary>
    private static JsonObject Parent(string definitionId, string childId, string childType, string score) => JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "name": "{{definitionId}}",
          "variables": [ { "id": "decision", "name": "Decision", "typeName": "String", "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver" } ],
          "outputs": [ { "type": "String", "name": "Result" } ],
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start" },
              { "id": "Assess1", "type": "{{childType}}", "version": 1, "workflowDefinitionId": "{{childId}}",
                "score": { "typeName": "Int32", "expression": { "type": "Literal", "value": "{{score}}" } },
                "decision": { "typeName": "String", "memoryReference": { "id": "decision" } } },
              { "id": "Approved1", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Result" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "'approved with ' + getDecision()" } } },
              { "id": "Rejected1", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Result" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "'rejected with ' + getDecision()" } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Assess1", "port": "In" } },
              { "source": { "activity": "Assess1", "port": "Approved" }, "target": { "activity": "Approved1", "port": "In" } },
              { "source": { "activity": "Assess1", "port": "Rejected" }, "target": { "activity": "Rejected1", "port": "In" } }
            ] } }
        """)!.AsObject();
}
