using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// Burst limits (issue 12 point 4): a long run commits every few activities and goes on in a new burst through a
/// durable Continue row, with the instance lock free in between; a run that never waits faults at the ceiling.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BurstLimitTests
{
    [Fact]
    public async Task A_long_loop_commits_at_the_burst_limit_frees_the_lock_and_its_continuations_run_every_iteration_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, clock, configure: o =>
        {
            o.MaxActivitiesPerBurst = 50;
            o.RunFollowUpsBeforeAnswering = false; // The node "stops" after the first commit; the processor goes on.
        });
        await PublishAsync(node, Loop("counting", "getI() < 300"));

        var first = await node.RunAsync((runtime, _) =>
            runtime.StartAsync("counting", VersionOptions.Published, new StartWorkflowOptions(), CancellationToken.None));

        first.State.SubStatus.Should().Be(WorkflowSubStatus.Executing, "the burst stopped at its limit with work left");
        first.State.ActivitiesInRun.Should().Be(50);
        first.State.PendingWork.Should().NotBeEmpty();
        var rows = await node.QueryAsync(db => db.FollowUps.Where(f => f.SourceInstanceId == first.State.Id).Select(f => f.Kind).ToListAsync());
        rows.Should().Equal(FollowUpKinds.Continue);
        using (var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            // Another node could take the instance now: the lock was released with the commit.
            await using var held = await node.Get<IWorkflowInstanceLock>().AcquireAsync(first.State.Id, quick.Token);
        }

        // Each pass of the processor (once the lease passed) runs one continuation, which commits and writes the next.
        var continuations = 0;
        var record = await node.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == first.State.Id));
        while (record.Status == "Running" && continuations < 20)
        {
            clock.Advance(node.Get<IOptions<WorkflowRuntimeOptions>>().Value.FollowUpLease + TimeSpan.FromSeconds(1));
            (await node.Get<FollowUpProcessor>().RunOnceAsync(CancellationToken.None)).Should().Be(1);
            continuations++;
            record = await node.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == first.State.Id));
        }

        record.SubStatus.Should().Be("Finished");
        continuations.Should().Be(6, "about 300 iterations at 50 activities a burst, after the first burst");
        var state = WorkflowStateSerializer.Deserialize(record.State);
        state.Output["Count"]!.ToJsonString().Should().Be("300", "no iteration was lost or run twice across the bursts");
        state.ActivitiesInRun.Should().Be(0, "the count starts again once the run ends");
        (await node.QueryAsync(db => db.Journal.CountAsync(j => j.WorkflowInstanceId == first.State.Id && j.ActivityId == "Inc" && j.EventName == "Completed")))
            .Should().Be(300);
        (await node.QueryAsync(db => db.FollowUps.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task An_endless_while_faults_with_a_clear_incident_while_another_instance_on_the_node_completes()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, configure: o =>
        {
            o.MaxActivitiesPerBurst = 100;
            o.MaxActivitiesPerRun = 4000;
            // This node runs no background processor: the runaway's 40 bursts all run before the start answers,
            // however slow the machine (with the default 10 s the rest waited for a processor, as "Executing").
            o.MaxFollowUpTimeBeforeAnswering = TimeSpan.FromMinutes(3);
        });
        await PublishAsync(node, Loop("endless", "true"));
        await PublishAsync(node, CountedWorkflow.Definition());

        var clock = Stopwatch.StartNew();
        var runaway = node.RunAsync((runtime, _) => runtime.StartAsync("endless", VersionOptions.Published,
            new StartWorkflowOptions { InstanceId = "runaway-1" }, CancellationToken.None));
        // The runaway is between bursts (committed at least once, still running) when the other instance starts.
        await Poll.UntilAsync(() => node.QueryAsync(db => db.WorkflowInstances.Where(i => i.Id == "runaway-1" && i.SubStatus == "Executing")
            .Select(i => i.Id).FirstOrDefaultAsync()), TimeSpan.FromSeconds(60), "the runaway's first committed burst");

        var counted = await node.RunAsync((runtime, _) => runtime.StartAsync("counted", VersionOptions.Published,
            new StartWorkflowOptions { CorrelationId = "case-burst" }, CancellationToken.None));
        await node.RunAsync((runtime, _) => runtime.TriggerEventAsync("Proceed", "case-burst", null, new JsonObject { ["n"] = 1 }, CancellationToken.None));
        var countedDone = clock.Elapsed;
        (await node.QueryAsync(db => db.WorkflowInstances.Where(i => i.Id == counted.State.Id).Select(i => i.SubStatus).SingleAsync()))
            .Should().Be("Finished");
        var runawayWhenCountedFinished = await node.QueryAsync(db => db.WorkflowInstances.Where(i => i.Id == "runaway-1").Select(i => i.Status).SingleAsync());

        await runaway.WaitAsync(TimeSpan.FromMinutes(3));
        var runawayDone = clock.Elapsed;
        var record = await node.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == "runaway-1"));
        record.SubStatus.Should().Be("Faulted");
        var incident = WorkflowStateSerializer.Deserialize(record.State).Incidents.Should().ContainSingle().Subject;
        incident.Message.Should().Contain("4001 activities without waiting").And.Contain("Workflows:Runtime:MaxActivitiesPerRun");
        runawayWhenCountedFinished.Should().Be("Running", "the other instance completed while the runaway was still going");
        (await node.QueryAsync(db => db.FollowUps.CountAsync())).Should().Be(0, "a faulted run leaves no continuation");
        Console.WriteLine($"Burst limits: counted instance finished after {countedDone.TotalMilliseconds:F0} ms; runaway faulted after {runawayDone.TotalMilliseconds:F0} ms");
    }

    private static async Task PublishAsync(EngineNode node, JsonObject model) =>
        (await node.RunAsync((_, definitions) => definitions.SaveAsync(model, publish: true, CancellationToken.None))).Succeeded.Should().BeTrue();

    /// <summary>A While whose body adds one to I, then the output Count = I.</summary>
    private static JsonObject Loop(string definitionId, string condition) => JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "name": "{{definitionId}}",
          "variables": [ { "id": "i", "name": "I", "typeName": "Int32", "value": "0", "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver" } ],
          "outputs": [ { "type": "Object", "name": "Count" } ],
          "root": { "id": "Sequence1", "type": "Elsa.Sequence",
            "activities": [
              { "id": "Loop1", "type": "Elsa.While",
                "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "{{condition}}" } },
                "body": { "id": "Inc", "type": "Elsa.SetVariable", "variable": { "id": "i", "name": "I" },
                  "value": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getI() + 1" } } } },
              { "id": "Result1", "type": "Elsa.RunJavaScript",
                "script": { "typeName": "String", "expression": { "type": "Literal", "value": "return getI();" } },
                "result": { "typeName": "Object", "memoryReference": { "id": "Count" } } }
            ] } }
        """)!.AsObject();
}
