using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public void Send_issue_jobbtorg_referral_describes_the_command_and_offers_the_units_and_events_get_no_send_activity()
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

    /// <summary>Every command in the contracts assembly, found here by the contracts' own convention (a …Commands namespace).</summary>
    private static readonly IReadOnlyList<Type> CommandTypes = typeof(IssueJobbtorgReferral).Assembly.GetExportedTypes()
        .Where(t => t.Namespace?.EndsWith(".Commands", StringComparison.Ordinal) == true).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    public static TheoryData<string> CommandContracts() => new(CommandTypes.Select(t => t.FullName!));

    [Fact]
    public void The_command_catalogue_holds_every_command_the_referral_process_and_the_services_exchange()
    {
        CommandTypes.Select(t => t.Name).Should().BeEquivalentTo(
            [
                "CloseCase", "CloseInterventionReferral", "CloseJobbtorgReferral", "IssueJobbtorgReferral", "OpenInterventionReferral",
                "ReceiveReReferral", "RequestFiaJobPart", "ScheduleFollowUps", "StopFollowUps",
            ]);
    }

    [Theory]
    [MemberData(nameof(CommandContracts))]
    public async Task Every_command_contract_becomes_a_send_activity_that_sends_that_command_with_its_inputs(string contractName)
    {
        var contract = typeof(IssueJobbtorgReferral).Assembly.GetType(contractName, throwOnError: true)!;
        var properties = contract.GetConstructors().Single().GetParameters();
        var type = $"Orchestration.Messaging.Send{contract.Name}";
        var send = fixture.Host.Services.GetRequiredService<Orchestration.Workflows.Activities.ActivityRegistry>().Find(type);
        send.Should().NotBeNull($"{contract.Name} is a command, so the designer offers '{type}'");
        send!.Category.Should().Be("Messaging");
        send.Inputs.Select(i => i.Name).Should().Equal(properties.Select(p => p.Name), "one typed input per property of the record");

        // Executed with a literal for every input, it stages exactly that command with exactly those values.
        var referralId = Guid.NewGuid().ToString();
        var values = properties.ToDictionary(p => p.Name!, p => LiteralFor(p.ParameterType, referralId, p.Name!));
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var definitionId = $"send-{contract.Name.ToLowerInvariant()}-{referralId[..8]}";
        var model = new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = $"Send {contract.Name} {referralId[..8]}",
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray(ReferralFlowJson.Activity("Start1", "Elsa.Start"),
                    ReferralFlowJson.Activity("Send1", type, [.. values.Select(v => (v.Key, (JsonNode)ReferralFlowJson.Literal(v.Value)))])),
                ["connections"] = new JsonArray(ReferralFlowJson.Connection("Start1", "Send1")),
            },
        };
        var saved = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        var executed = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { correlationId = referralId });
        var instance = (await executed.Content.ReadFromJsonAsync<JsonObject>())!;
        instance["subStatus"]!.ToString().Should().Be("Finished", instance.ToJsonString());

        var staged = (await WorkflowOutboxAsync()).Where(m => m.Body.Contains(referralId, StringComparison.Ordinal)).ToList();
        staged.Should().ContainSingle("the step sends its command once");
        staged[0].MessageType.Should().StartWith($"{contract.FullName}, ");
        var body = JsonNode.Parse(staged[0].Body)!.AsObject();
        body.Select(p => p.Key).Should().BeEquivalentTo(properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)));
        foreach (var property in properties)
        {
            var expected = values[property.Name!];
            var actual = body[JsonNamingPolicy.CamelCase.ConvertName(property.Name!)]!.ToString();
            if (property.ParameterType == typeof(DateTimeOffset))
            {
                DateTimeOffset.Parse(actual, CultureInfo.InvariantCulture).Should().Be(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), property.Name);
            }
            else
            {
                actual.Should().Be(expected, property.Name);
            }
        }
    }

    /// <summary>A value of the property's type, written as the designer would: ids as text, codes by name, times in ISO 8601.</summary>
    private static string LiteralFor(Type type, string referralId, string name) => type switch
    {
        _ when name == "ReferralId" => referralId,
        _ when type == typeof(Guid) || type == typeof(Guid?) => Guid.NewGuid().ToString(),
        _ when type == typeof(DateTimeOffset) => "2026-11-24T08:00:00+00:00",
        _ when type.IsEnum => Enum.GetNames(type)[^1],
        _ when type == typeof(string) && name == "District" => "farsta",
        _ when type == typeof(string) => "P2M",
        _ => throw new InvalidOperationException($"No literal for {type.Name} {name}: a new kind of command property needs one here."),
    };

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
