using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// What a burst sets off is written with it: a node that stops right after the commit (here: one that never carries
/// out its follow-ups, then is gone) leaves rows that another node carries out.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DurableFollowUpTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Events_dispatches_and_the_parents_resumption_survive_a_node_that_stops_right_after_the_commit()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        string parentId;
        string listenerId;
        await using (var stopped = await EngineNode.StartAsync(database.ConnectionString, _clock, configure: o => o.RunFollowUpsBeforeAnswering = false))
        {
            foreach (var model in new[] { Child(), Parent(), Listener() })
            {
                (await stopped.RunAsync((_, definitions) => definitions.SaveAsync(model, publish: true, CancellationToken.None))).Succeeded.Should().BeTrue();
            }

            listenerId = (await StartAsync(stopped, "listener")).State.Id;
            var parent = await StartAsync(stopped, "parent");
            parentId = parent.State.Id;

            parent.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "it waits for the child it dispatched");
            var kinds = await stopped.QueryAsync(db => db.FollowUps.Where(f => f.SourceInstanceId == parentId).Select(f => f.Kind).ToListAsync());
            kinds.Should().BeEquivalentTo([FollowUpKinds.PublishEvent, FollowUpKinds.Dispatch], "written in the parent's transaction");
            (await stopped.QueryAsync(db => db.WorkflowInstances.CountAsync(i => i.DefinitionId == "child"))).Should().Be(0, "nothing was carried out");
        }

        await using var survivor = await EngineNode.StartAsync(database.ConnectionString, _clock);
        var processor = survivor.Get<FollowUpProcessor>();
        (await processor.RunOnceAsync(CancellationToken.None)).Should().Be(0, "the stopped node's lease has not passed yet");

        _clock.Advance(survivor.Get<IOptions<WorkflowRuntimeOptions>>().Value.FollowUpLease + TimeSpan.FromSeconds(1));
        (await processor.RunOnceAsync(CancellationToken.None)).Should().Be(2);

        (await SubStatusAsync(survivor, listenerId)).Should().Be("Finished", "the published event was delivered");
        var child = await survivor.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.DefinitionId == "child"));
        child.SubStatus.Should().Be("Finished", "the dispatched child ran");
        child.ParentInstanceId.Should().Be(parentId);
        var parentRecord = await survivor.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == parentId));
        parentRecord.SubStatus.Should().Be("Finished", "the child's completion resumed the parent");
        WorkflowStateSerializer.Deserialize(parentRecord.State).Output["Answer"]!.GetValue<long>().Should().Be(42);
        (await survivor.QueryAsync(db => db.FollowUps.CountAsync())).Should().Be(0);
        (await processor.RunOnceAsync(CancellationToken.None)).Should().Be(0);
        (await survivor.QueryAsync(db => db.Journal.CountAsync(j => j.WorkflowInstanceId == listenerId && j.ActivityId == "Wait1" && j.EventName == "Resumed")))
            .Should().Be(1);
    }

    [Fact]
    public async Task Cancelling_a_parent_cancels_the_child_it_dispatched_through_a_follow_up()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, _clock);
        foreach (var model in new[] { Child(waitFor: "Never"), Parent() })
        {
            (await node.RunAsync((_, definitions) => definitions.SaveAsync(model, publish: true, CancellationToken.None))).Succeeded.Should().BeTrue();
        }

        var parent = await StartAsync(node, "parent");
        var child = await node.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.DefinitionId == "child"));
        child.SubStatus.Should().Be("Suspended");

        var cancelled = await node.RunAsync((runtime, _) => runtime.CancelAsync(parent.State.Id, CancellationToken.None));

        cancelled!.State.SubStatus.Should().Be(WorkflowSubStatus.Cancelled);
        (await SubStatusAsync(node, child.Id)).Should().Be("Cancelled");
        (await node.QueryAsync(db => db.Bookmarks.CountAsync())).Should().Be(0);
    }

    private Task<RunResult> StartAsync(EngineNode node, string definitionId) => node.RunAsync((runtime, _) =>
        runtime.StartAsync(definitionId, VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "case-crash" }, CancellationToken.None));

    private static Task<string> SubStatusAsync(EngineNode node, string instanceId) =>
        node.QueryAsync(db => db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.SubStatus).SingleAsync());

    /// <summary>Doubles its input x into the output Answer, optionally after waiting for an event.</summary>
    private static JsonObject Child(string? waitFor = null) => JsonNode.Parse($$"""
        {
          "definitionId": "child", "name": "Child",
          "outputs": [ { "type": "Object", "name": "Answer" } ],
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              {{(waitFor is null ? "" : $$"""{ "id": "Wait1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "{{waitFor}}" } } },""")}}
              { "id": "Answer1", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Answer" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getInput('x') * 2" } } }
            ],
            "connections": [ {{(waitFor is null ? "" : """{ "source": { "activity": "Wait1", "port": "Done" }, "target": { "activity": "Answer1", "port": "In" } }""")}} ] } }
        """)!.AsObject();

    /// <summary>Start → PublishEvent "Go" (own correlation), and Start → DispatchWorkflow child (x = 21, waits) → Answer from it.</summary>
    private static JsonObject Parent() => JsonNode.Parse("""
        {
          "definitionId": "parent", "name": "Parent",
          "variables": [ { "id": "child", "name": "Child", "typeName": "Object", "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver" } ],
          "outputs": [ { "type": "Object", "name": "Answer" } ],
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start" },
              { "id": "Publish1", "type": "Elsa.PublishEvent", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Go" } },
                "correlationId": { "typeName": "String", "expression": { "type": "JavaScript", "value": "getCorrelationId()" } } },
              { "id": "Run1", "type": "Elsa.DispatchWorkflow", "workflowDefinitionId": { "typeName": "String", "expression": { "type": "Literal", "value": "child" } },
                "input": { "typeName": "ObjectDictionary", "expression": { "type": "Object", "value": "{\"x\":21}" } },
                "waitForCompletion": { "typeName": "Boolean", "expression": { "type": "Literal", "value": "true" } },
                "result": { "typeName": "Object", "memoryReference": { "id": "child" } } },
              { "id": "Answer1", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Answer" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getChild().Answer" } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Publish1", "port": "In" } },
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Run1", "port": "In" } },
              { "source": { "activity": "Run1", "port": "Done" }, "target": { "activity": "Answer1", "port": "In" } }
            ] } }
        """)!.AsObject();

    /// <summary>Waits for the event "Go".</summary>
    private static JsonObject Listener() => JsonNode.Parse("""
        {
          "definitionId": "listener", "name": "Listener",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [ { "id": "Wait1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Go" } } } ],
            "connections": [] } }
        """)!.AsObject();
}
