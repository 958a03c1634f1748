using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Workflows.Persistence;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>The messaging bridge outbound: a process owner wires "Send IssueJobbtorgReferral" and the command leaves once, committed with the step.</summary>
public sealed class SendCommandActivityTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string SendType = "Orchestration.Messaging.SendIssueJobbtorgReferral";

    [Fact]
    public void Every_command_contract_is_offered_as_a_send_activity_with_typed_inputs()
    {
        var registry = fixture.Host.Services.GetRequiredService<Orchestration.Workflows.Activities.ActivityRegistry>();

        var send = registry.Find(SendType);

        send.Should().NotBeNull();
        send!.DisplayName.Should().Be("Send Issue Jobbtorg Referral");
        send.Description.Should().Contain("Refer the person to Jobbtorg");
        send.Inputs.Select(i => i.Name).Should().Equal("ReferralId", "PersonId", "District", "Unit", "IssuedAt");
        send.Inputs.Single(i => i.Name == "Unit").Options.Should().Equal("Jobbtorg", "JobbtorgResurs");
        registry.Find("Orchestration.Messaging.SendOpenInterventionReferral").Should().NotBeNull();
        registry.Find("Orchestration.Messaging.SendApplicationRegistered").Should().BeNull("events are received, not sent");
    }

    [Fact]
    public async Task A_registered_application_makes_the_workflow_send_a_jobbtorg_referral_with_the_referral_and_person_ids()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var model = Definition("refer-to-jobbtorg", ("PersonId", JavaScript("getLastResult().personId")), ("District", JavaScript("getLastResult().district")),
            ("Unit", ReferralFlowJson.Literal("Jobbtorg")));
        var trigger = ReferralFlowJson.Activity("Registered", "Elsa.Event", ("eventName", ReferralFlowJson.Literal(nameof(ApplicationRegistered))));
        trigger["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        model["root"]!["activities"]!.AsArray().Add(trigger);
        model["root"]!["connections"]!.AsArray().Add(ReferralFlowJson.Connection("Registered", "Send1"));
        var saved = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        using var secretary = await fixture.Host.CreateClientForAsync("socialsecretary");
        var registered = await (await secretary.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "19900101-0017" }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var referralId = registered!["applicationId"]!.ToString();

        var sent = await Poll.UntilAsync(async () => (await WorkflowOutboxAsync()).FirstOrDefault(m => m.Body.Contains(referralId, StringComparison.Ordinal) && m.DispatchedAt is not null),
            TimeSpan.FromSeconds(30), "the workflow's command to be sent");
        sent.MessageType.Should().StartWith(typeof(IssueJobbtorgReferral).FullName!);
        var body = JsonNode.Parse(sent.Body)!;
        body["referralId"]!.ToString().Should().Be(referralId);
        body["personId"]!.ToString().Should().Be(registered["personId"]!.ToString());
        body["district"]!.ToString().Should().Be("spanga-tensta");
        body["unit"]!.ToString().Should().Be("Jobbtorg");
        sent.Body.Should().NotContain("19900101");
    }

    [Fact]
    public async Task A_command_that_cannot_be_built_faults_the_activity_with_the_property_named_and_sends_nothing()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var model = Definition("broken-send", ("PersonId", ReferralFlowJson.Literal("not-a-guid")), ("District", ReferralFlowJson.Literal("farsta")),
            ("Unit", ReferralFlowJson.Literal("Moon")));
        model["root"]!["activities"]!.AsArray().Add(ReferralFlowJson.Activity("Start1", "Elsa.Start"));
        model["root"]!["connections"]!.AsArray().Add(ReferralFlowJson.Connection("Start1", "Send1"));
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true })).EnsureSuccessStatusCode();
        var before = (await WorkflowOutboxAsync()).Count;
        var correlationId = Guid.NewGuid().ToString();

        var response = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions/broken-send/execute", new { correlationId });

        var instance = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        instance["subStatus"]!.ToString().Should().Be("Faulted");
        instance["workflowState"]!["incidents"]![0]!["message"]!.ToString().Should().Contain("Send IssueJobbtorgReferral").And.Contain("personId");
        (await WorkflowOutboxAsync()).Count.Should().Be(before);
    }

    private static JsonObject Definition(string definitionId, params (string Name, JsonNode Value)[] inputs)
    {
        var model = ReferralFlowJson.Model(definitionId, "sent", "JobbtorgReferralReceived");
        var activities = model["root"]!["activities"]!.AsArray();
        activities.RemoveAt(0);
        activities.Add(ReferralFlowJson.Activity("Send1", SendType, inputs));
        var connections = model["root"]!["connections"]!.AsArray();
        connections.RemoveAt(0);
        connections.Add(ReferralFlowJson.Connection("Send1", "Wait1"));
        return model;
    }

    private static JsonObject JavaScript(string script) => new()
    {
        ["typeName"] = "Object",
        ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script },
    };

    private async Task<List<OutboxMessage>> WorkflowOutboxAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }
}
