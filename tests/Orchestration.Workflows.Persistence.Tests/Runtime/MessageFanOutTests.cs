using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>A message resumes every bookmark it matches, as the HTTP trigger does, and a redelivery resumes none again.</summary>
[Trait("Category", "Integration")]
public sealed class MessageFanOutTests
{
    [Fact]
    public async Task A_message_resumes_both_branches_waiting_on_it_in_one_instance_and_its_redelivery_resumes_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(TwoBranches(), publish: true, CancellationToken.None));
        var started = await node.RunAsync((runtime, _) =>
            runtime.StartAsync("two-branches", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "case-7" }, CancellationToken.None));
        started.State.Bookmarks.Should().HaveCount(2);
        var messageId = Guid.NewGuid();

        var first = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-7", new JsonObject(), messageId, null, CancellationToken.None));
        var again = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-7", new JsonObject(), messageId, null, CancellationToken.None));

        first.Should().ContainSingle().Which.State.SubStatus.Should().Be(WorkflowSubStatus.Finished, "both branches resumed, so the flowchart completed");
        again.Should().BeEmpty();
        var instanceId = started.State.Id;
        var completed = await node.QueryAsync(db => db.Journal.Where(j => j.WorkflowInstanceId == instanceId && j.EventName == "Completed")
            .Select(j => j.ActivityId).ToListAsync());
        completed.Where(id => id.StartsWith("After", StringComparison.Ordinal)).Should().BeEquivalentTo(["AfterA", "AfterB"], "each branch ran once");
        (await node.QueryAsync(db => db.Bookmarks.CountAsync(b => b.WorkflowInstanceId == instanceId))).Should().Be(0);
    }

    /// <summary>Start → (WaitA: Event "Proceed" → AfterA) and (WaitB: Event "Proceed" → AfterB).</summary>
    private static JsonObject TwoBranches() => JsonNode.Parse("""
        {
          "definitionId": "two-branches", "name": "Two branches",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start" },
              { "id": "WaitA", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Proceed" } } },
              { "id": "WaitB", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Proceed" } } },
              { "id": "AfterA", "type": "Elsa.SetName", "value": { "typeName": "String", "expression": { "type": "Literal", "value": "a" } } },
              { "id": "AfterB", "type": "Elsa.SetName", "value": { "typeName": "String", "expression": { "type": "Literal", "value": "b" } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "WaitA", "port": "In" } },
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "WaitB", "port": "In" } },
              { "source": { "activity": "WaitA", "port": "Done" }, "target": { "activity": "AfterA", "port": "In" } },
              { "source": { "activity": "WaitB", "port": "Done" }, "target": { "activity": "AfterB", "port": "In" } }
            ] } }
        """)!.AsObject();
}
