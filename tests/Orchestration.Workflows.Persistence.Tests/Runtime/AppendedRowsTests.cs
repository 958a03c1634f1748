using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// Journal lines and new activity executions are written beside EF Core's change tracker (on PostgreSQL one
/// <c>unnest</c> INSERT per table, both in one round trip; multi-row INSERTs on SQLite): what is read back must be exactly what the tracked inserts wrote, row
/// for row and column for column, including the executions a later burst updates.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AppendedRowsTests
{
    /// <summary>More than SQLite's 999 parameters' worth of journal rows in one burst, so the INSERT is chunked.</summary>
    private const int Steps = 40;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Journal_and_executions_read_back_are_the_rows_the_tracked_inserts_wrote_across_a_start_and_a_resume(DatabaseProvider provider)
    {
        await using var database = await EngineDatabase.CreateAsync(provider);
        await using var node = await database.StartNodeAsync(_clock);
        (await node.RunAsync((_, definitions) => definitions.SaveAsync(Ledger(), publish: true, CancellationToken.None))).Succeeded.Should().BeTrue();

        var started = await node.RunAsync((runtime, _) => runtime.StartAsync("ledger", VersionOptions.Published,
            new StartWorkflowOptions { CorrelationId = "case-ledger" }, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(5));
        var resumed = (await node.RunAsync((runtime, _) => runtime.TriggerEventAsync("Proceed", "case-ledger", null, new JsonObject { ["n"] = 3 },
            CancellationToken.None))).Should().ContainSingle().Subject;

        var id = started.State.Id;
        var journal = await node.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.WorkflowInstanceId == id).OrderBy(j => j.Sequence).ToListAsync());
        var executions = await node.QueryAsync(db => db.ActivityExecutions.AsNoTracking().Where(a => a.WorkflowInstanceId == id).ToListAsync());

        started.Journal.Count.Should().BeGreaterThan(999 / 15, "the first burst's journal needs more than one SQLite INSERT");
        journal.Should().BeEquivalentTo(started.Journal.Concat(resumed.Journal).Select(JournalRecord.From), o => o.WithStrictOrdering());
        var expected = TrackedExecutionRows(started, resumed);
        executions.Should().BeEquivalentTo(expected);
        executions.Should().Contain(e => e.ActivityId == "Wait1" && e.Status == nameof(ActivityStatus.Completed) && !e.HasBookmarks,
            "the execution the event resumed was updated by the second burst");
        executions.Should().Contain(e => e.ActivityId == "Throw1" && JsonNode.Parse(e.Data)!["exception"] != null, "the fault's exception is kept");
        journal.Should().Contain(j => j.Payload != null, "some journal lines carry a payload");
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Each_burst_replaces_the_stored_bookmarks_of_its_own_instance_and_no_other(DatabaseProvider provider)
    {
        await using var database = await EngineDatabase.CreateAsync(provider);
        await using var node = await database.StartNodeAsync(_clock);
        (await node.RunAsync((_, definitions) => definitions.SaveAsync(TwoWaits(), publish: true, CancellationToken.None))).Succeeded.Should().BeTrue();
        var first = await node.RunAsync((runtime, _) => runtime.StartAsync("two-waits", VersionOptions.Published,
            new StartWorkflowOptions { CorrelationId = "case-1" }, CancellationToken.None));
        var second = await node.RunAsync((runtime, _) => runtime.StartAsync("two-waits", VersionOptions.Published,
            new StartWorkflowOptions { CorrelationId = "case-2" }, CancellationToken.None));
        (await StoredBookmarksAsync(node, first.State.Id)).Should().BeEquivalentTo(Rows(first), "the start wrote the first wait's bookmark");

        _clock.Advance(TimeSpan.FromMinutes(1));
        var advanced = (await node.RunAsync((runtime, _) => runtime.TriggerEventAsync("First", "case-1", null, null, CancellationToken.None)))
            .Should().ContainSingle().Subject;

        var stored = await StoredBookmarksAsync(node, first.State.Id);
        stored.Should().BeEquivalentTo(Rows(advanced), "the resumed burst's bookmarks replaced those stored");
        stored.Should().ContainSingle().Which.Name.Should().Be("Elsa.Event");
        stored.Single().Id.Should().NotBe(first.State.Bookmarks.Single().Id, "the first wait's row is gone");
        (await StoredBookmarksAsync(node, second.State.Id)).Should().BeEquivalentTo(Rows(second), "another instance's rows are untouched");

        await node.RunAsync((runtime, _) => runtime.TriggerEventAsync("Second", "case-1", null, null, CancellationToken.None));
        (await StoredBookmarksAsync(node, first.State.Id)).Should().BeEmpty("a finished instance keeps no bookmark rows");
        (await StoredBookmarksAsync(node, second.State.Id)).Should().HaveCount(1);
    }

    private static Task<List<BookmarkRecord>> StoredBookmarksAsync(EngineNode node, string instanceId) =>
        node.QueryAsync(db => db.Bookmarks.AsNoTracking().Where(b => b.WorkflowInstanceId == instanceId).ToListAsync());

    private static IEnumerable<BookmarkRecord> Rows(RunResult burst) => burst.State.Bookmarks.Select(b => new BookmarkRecord
    {
        Id = b.Id,
        WorkflowInstanceId = burst.State.Id,
        Name = b.Name,
        Hash = b.Hash,
        CorrelationId = burst.State.CorrelationId,
        ActivityInstanceId = b.ActivityInstanceId,
        CreatedAt = b.CreatedAt,
    });

    /// <summary>Start → Event("First") → Event("Second").</summary>
    private static JsonObject TwoWaits() => JsonNode.Parse("""
        { "definitionId": "two-waits", "name": "Two waits",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start" },
              { "id": "First1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "First" } } },
              { "id": "Second1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Second" } } } ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "First1", "port": "In" } },
              { "source": { "activity": "First1", "port": "Done" }, "target": { "activity": "Second1", "port": "In" } } ] } }
        """)!.AsObject();

    /// <summary>Start → SetVariable → 40 Correlate steps → Event("Proceed") → JavaScript with the payload → a throwing JavaScript.</summary>
    private static JsonObject Ledger()
    {
        var activities = new JsonArray
        {
            new JsonObject { ["id"] = "Start1", ["type"] = "Elsa.Start" },
            JsonNode.Parse("""
                { "id": "Set1", "type": "Elsa.SetVariable", "variable": { "id": "kept", "name": "Kept" },
                  "value": { "typeName": "Object", "expression": { "type": "Literal", "value": "10" } } }
                """),
            JsonNode.Parse("""
                { "id": "Wait1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Proceed" } } }
                """),
            JsonNode.Parse("""
                { "id": "Count1", "type": "Elsa.RunJavaScript",
                  "script": { "typeName": "String", "expression": { "type": "Literal",
                    "value": "var p = getInput('__EventPayloadWorkflowInput'); return getKept() + p.n;" } } }
                """),
            JsonNode.Parse("""
                { "id": "Throw1", "type": "Elsa.RunJavaScript",
                  "script": { "typeName": "String", "expression": { "type": "Literal", "value": "throw new Error('boom');" } } }
                """),
        };
        var chain = new List<string> { "Start1", "Set1" };
        for (var i = 0; i < Steps; i++)
        {
            activities.Add(JsonNode.Parse($$"""
                { "id": "Step{{i}}", "type": "Elsa.Correlate", "correlationId": { "typeName": "String", "expression": { "type": "Literal", "value": "case-ledger" } } }
                """));
            chain.Add($"Step{i}");
        }

        chain.AddRange(["Wait1", "Count1", "Throw1"]);
        var connections = new JsonArray();
        foreach (var (source, target) in chain.Zip(chain.Skip(1)))
        {
            connections.Add(JsonNode.Parse($$"""
                { "source": { "activity": "{{source}}", "port": "Done" }, "target": { "activity": "{{target}}", "port": "In" } }
                """));
        }

        return new JsonObject
        {
            ["definitionId"] = "ledger",
            ["name"] = "Ledger",
            ["variables"] = JsonNode.Parse("""
                [ { "id": "kept", "name": "Kept", "typeName": "Int32", "value": "0", "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver" } ]
                """),
            ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
    }

    /// <summary>
    /// The executions as the tracked path left them: each burst inserts those that started and updates status,
    /// completion, bookmarks, fault count and data of those stored before.
    /// </summary>
    private static List<ActivityExecutionRecord> TrackedExecutionRows(params RunResult[] bursts)
    {
        var rows = new Dictionary<string, ActivityExecutionRecord>();
        foreach (var burst in bursts)
        {
            foreach (var execution in burst.Executions.Where(e => e.StartedAt is not null || rows.ContainsKey(e.Id)))
            {
                var hasBookmarks = burst.State.Bookmarks.Any(b => b.ActivityInstanceId == execution.Id);
                if (rows.TryGetValue(execution.Id, out var row))
                {
                    row.Status = execution.Status.ToString();
                    row.CompletedAt = execution.CompletedAt;
                    row.HasBookmarks = hasBookmarks;
                    row.AggregateFaultCount = execution.AggregateFaultCount;
                    row.Data = TrackedData(execution);
                    continue;
                }

                rows[execution.Id] = new ActivityExecutionRecord
                {
                    Id = execution.Id,
                    WorkflowInstanceId = burst.State.Id,
                    ActivityId = execution.ActivityId,
                    ActivityNodeId = execution.NodeId,
                    ActivityType = execution.ActivityType,
                    ActivityTypeVersion = execution.ActivityTypeVersion,
                    ActivityName = execution.ActivityName,
                    Status = execution.Status.ToString(),
                    StartedAt = execution.StartedAt!.Value,
                    CompletedAt = execution.CompletedAt,
                    HasBookmarks = hasBookmarks,
                    AggregateFaultCount = execution.AggregateFaultCount,
                    SchedulingActivityExecutionId = execution.SchedulingExecutionId,
                    Data = TrackedData(execution),
                };
            }
        }

        return [.. rows.Values];
    }

    /// <summary>The Data JSON text exactly as the tracked path built it, from a cloned node tree.</summary>
    private static string TrackedData(ActivityExecutionState execution) => new JsonObject
    {
        ["activityState"] = execution.ActivityState.DeepClone(),
        ["outputs"] = execution.Outputs.DeepClone(),
        ["payload"] = new JsonObject { ["Outcomes"] = new JsonArray(execution.Outcomes.Select(o => (JsonNode?)o).ToArray()) },
        ["properties"] = execution.Properties.DeepClone(),
        ["exception"] = execution.Exception is null ? null : JsonSerializer.SerializeToNode(execution.Exception, WorkflowStateSerializer.Options),
    }.ToJsonString();
}
