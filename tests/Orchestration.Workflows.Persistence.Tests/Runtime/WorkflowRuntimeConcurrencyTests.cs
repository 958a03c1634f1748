using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>Two engine nodes on one PostgreSQL database: a stimulus delivered to both resumes the instance once.</summary>
[Trait("Category", "Integration")]
public sealed class WorkflowRuntimeConcurrencyTests
{
    [Fact]
    public async Task Two_nodes_resuming_the_same_bookmark_at_once_resume_it_exactly_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var first = await EngineNode.StartAsync(database.ConnectionString);
        await using var second = await EngineNode.StartAsync(database.ConnectionString);
        await first.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: true, CancellationToken.None));

        for (var round = 0; round < 5; round++)
        {
            var started = await first.RunAsync((runtime, _) =>
                runtime.StartAsync("counted", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = $"case-{round}" }, CancellationToken.None));
            var bookmarkId = started.State.Bookmarks.Single().Id;
            var payload = new JsonObject { ["__EventPayloadWorkflowInput"] = new JsonObject() };

            var results = await Task.WhenAll(
                first.RunAsync((runtime, _) => runtime.ResumeAsync(bookmarkId, (JsonObject)payload.DeepClone(), CancellationToken.None)),
                second.RunAsync((runtime, _) => runtime.ResumeAsync(bookmarkId, (JsonObject)payload.DeepClone(), CancellationToken.None)));

            results.Count(r => r is not null).Should().Be(1, "exactly one node resumes (round {0})", round);
            var instanceId = started.State.Id;
            var resumedLines = await first.QueryAsync(db => db.Journal.CountAsync(j => j.WorkflowInstanceId == instanceId && j.ActivityId == "Wait1" && j.EventName == "Resumed"));
            resumedLines.Should().Be(1);
            var counted = await first.QueryAsync(db => db.Journal.CountAsync(j => j.WorkflowInstanceId == instanceId && j.ActivityId == "Count1" && j.EventName == "Completed"));
            counted.Should().Be(1, "the activity after the bookmark ran once");
            var instance = await first.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == instanceId));
            instance.SubStatus.Should().Be(nameof(WorkflowSubStatus.Finished));
            (await first.QueryAsync(db => db.Bookmarks.CountAsync(b => b.WorkflowInstanceId == instanceId))).Should().Be(0);
        }
    }

    [Fact]
    public async Task A_suspended_instance_resumes_on_another_node_with_its_persistent_variables()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        string instanceId;
        await using (var before = await EngineNode.StartAsync(database.ConnectionString))
        {
            await before.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: true, CancellationToken.None));
            var started = await before.RunAsync((runtime, _) =>
                runtime.StartAsync("counted", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "case-42" }, CancellationToken.None));
            instanceId = started.State.Id;
        }

        await using var after = await EngineNode.StartAsync(database.ConnectionString);
        var resumed = await after.RunAsync((runtime, _) => runtime.TriggerEventAsync("Proceed", "case-42", null, new JsonObject { ["n"] = 5 }, CancellationToken.None));

        resumed.Should().ContainSingle().Which.State.Should().Match<WorkflowState>(s => s.Id == instanceId && s.SubStatus == WorkflowSubStatus.Finished);
        resumed[0].State.Output["Count"]!.GetValue<long>().Should().Be(15, "the kept variable (10) plus the event's n (5)");
        var sequences = await after.QueryAsync(db => db.Journal.Where(j => j.WorkflowInstanceId == instanceId).Select(j => j.Sequence).OrderBy(s => s).ToListAsync());
        sequences.Should().Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), "the journal continues its numbering on the new node");
    }
}
