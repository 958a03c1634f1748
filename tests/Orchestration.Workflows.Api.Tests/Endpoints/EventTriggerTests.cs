using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>An event starts the workflows it triggers; what they publish reaches instances waiting with the same correlation.</summary>
public sealed class EventTriggerTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task A_trigger_starts_a_new_instance_whose_published_event_resumes_a_waiting_one()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var registered = $"ApplicationRegistered-{suffix}";
        var requested = $"MappingRequested-{suffix}";
        await SaveAsync(owner, Starter($"starter-{suffix}", registered, requested));
        await SaveAsync(owner, ReferralFlowJson.Model($"waiter-{suffix}", "mapping requested", requested));
        var execute = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/waiter-{suffix}/execute", new { correlationId = "case-9" });
        var waiterId = execute.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var bystander = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/waiter-{suffix}/execute", new { correlationId = "case-10" });
        var bystanderId = bystander.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        var response = await owner.PostAsJsonAsync($"/elsa/api/events/{registered}/trigger",
            new { correlationId = "case-9", input = new { district = "farsta" } });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var started = (await response.Content.ReadFromJsonAsync<JsonObject>())!["resumed"]!.AsArray().Single()!;
        started["definitionId"]!.ToString().Should().Be($"starter-{suffix}");
        var starter = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{started["id"]}");
        starter!["subStatus"]!.ToString().Should().Be("Finished");
        starter["workflowState"]!["output"]!["District"]!.ToString().Should().Be("farsta", "the trigger's payload is the Event's result");
        var waiter = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{waiterId}");
        waiter!["subStatus"]!.ToString().Should().Be("Finished");
        var other = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{bystanderId}");
        other!["subStatus"]!.ToString().Should().Be("Suspended", "its correlation id differs");
    }

    private static async Task SaveAsync(HttpClient client, JsonObject model)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Event (trigger) → SetOutput District from the payload → PublishEvent with this instance's correlation id.</summary>
    private static JsonObject Starter(string definitionId, string triggerEvent, string publishedEvent)
    {
        var model = ReferralFlowJson.Model(definitionId, "unused", triggerEvent);
        model["outputs"] = new JsonArray(new JsonObject { ["type"] = "Object", ["name"] = "District" });
        var activities = model["root"]!["activities"]!.AsArray();
        activities.Clear();
        var trigger = ReferralFlowJson.Activity("Registered", "Elsa.Event", ("eventName", ReferralFlowJson.Literal(triggerEvent)));
        trigger["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        activities.Add(trigger);
        activities.Add(ReferralFlowJson.Activity("Keep", "Elsa.SetOutput", ("outputName", ReferralFlowJson.Literal("District")),
            ("outputValue", JavaScript("getInput('__EventPayloadWorkflowInput').district"))));
        activities.Add(ReferralFlowJson.Activity("Publish", "Elsa.PublishEvent", ("eventName", ReferralFlowJson.Literal(publishedEvent)),
            ("correlationId", JavaScript("getCorrelationId()"))));
        var connections = model["root"]!["connections"]!.AsArray();
        connections.Clear();
        connections.Add(ReferralFlowJson.Connection("Registered", "Keep"));
        connections.Add(ReferralFlowJson.Connection("Keep", "Publish"));
        return model;
    }

    private static JsonObject JavaScript(string script) => new()
    {
        ["typeName"] = "Object",
        ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script },
    };
}
