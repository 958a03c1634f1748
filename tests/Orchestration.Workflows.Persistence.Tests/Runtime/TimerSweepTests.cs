using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Xunit.Abstractions;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>The sweep handles each due timer on its own and claims it, so bad rows and other nodes change nothing for the rest.</summary>
[Trait("Category", "Integration")]
public sealed class TimerSweepTests(ITestOutputHelper output)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task More_poisoned_timer_rows_than_one_batch_do_not_delay_a_good_timer_and_end_dead()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, _clock, configure: o => o.TimerMaxAttempts = 2);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(Delays("poison", count: 101, minutes: 1), publish: true, CancellationToken.None));
        await node.RunAsync((_, definitions) => definitions.SaveAsync(Delays("good", count: 1, minutes: 2), publish: true, CancellationToken.None));
        await StartAsync(node, "poison");
        var good = await StartAsync(node, "good");
        // A deleted definition with a running instance: each of its 101 timers fails to load its version.
        await node.QueryAsync(db => db.WorkflowDefinitions.Where(d => d.DefinitionId == "poison").ExecuteDeleteAsync());
        _clock.Advance(TimeSpan.FromMinutes(3));

        var resumed = await node.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None));

        resumed.Should().Be(1);
        (await node.QueryAsync(db => db.WorkflowInstances.Where(i => i.Id == good.State.Id).Select(i => i.SubStatus).SingleAsync())).Should().Be("Finished");
        var poisoned = await node.QueryAsync(db => db.Bookmarks.Where(b => b.WorkflowInstanceId != good.State.Id).ToListAsync());
        poisoned.Should().HaveCount(101).And.OnlyContain(b => b.TimerAttempts == 1 && !b.IsDead && b.ResumeAt > _clock.GetUtcNow(), "each failed on its own and backs off");
        poisoned[0].LastError.Should().Contain("was deleted");

        _clock.Advance(TimeSpan.FromHours(2));
        (await node.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None))).Should().Be(0);

        var dead = await node.RunAsync((runtime, _) => runtime.DeadAsync(CancellationToken.None));
        dead.Timers.Should().HaveCount(101, "two failed attempts make a timer dead");
        _clock.Advance(TimeSpan.FromDays(1));
        var stillDead = await node.QueryAsync(db => db.Bookmarks.CountAsync(b => b.IsDead && b.TimerAttempts == 2));
        (await node.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None))).Should().Be(0);
        stillDead.Should().Be(101, "a dead timer is no longer swept");
    }

    [Fact]
    public async Task Two_nodes_sweeping_at_once_fire_each_timer_once()
    {
        const int timers = 40;
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var first = await EngineNode.StartAsync(database.ConnectionString, _clock);
        await using var second = await EngineNode.StartAsync(database.ConnectionString, _clock);
        await first.RunAsync((_, definitions) => definitions.SaveAsync(Delays("tick", count: 1, minutes: 1), publish: true, CancellationToken.None));
        for (var i = 0; i < timers; i++)
        {
            await StartAsync(first, "tick");
        }

        _clock.Advance(TimeSpan.FromMinutes(2));
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(
            first.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None)),
            second.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None)));
        clock.Stop();
        output.WriteLine($"two nodes fired {timers} timers in {clock.Elapsed.TotalMilliseconds:F0} ms: {timers / clock.Elapsed.TotalSeconds:F1} timers/s (split {counts[0]}/{counts[1]})");

        counts.Sum().Should().Be(timers);
        var finished = await first.QueryAsync(db => db.WorkflowInstances.CountAsync(i => i.SubStatus == "Finished"));
        finished.Should().Be(timers);
        var after = await first.QueryAsync(db => db.Journal.Where(j => j.ActivityId == "After1" && j.EventName == "Completed")
            .GroupBy(j => j.WorkflowInstanceId).Select(g => g.Count()).ToListAsync());
        after.Should().HaveCount(timers).And.OnlyContain(n => n == 1, "each timer fired once");
    }

    private static Task<RunResult> StartAsync(EngineNode node, string definitionId) =>
        node.RunAsync((runtime, _) => runtime.StartAsync(definitionId, VersionOptions.Published, new StartWorkflowOptions(), CancellationToken.None));

    /// <summary>Start → <paramref name="count"/> parallel Delays of <paramref name="minutes"/> → After1 (SetName).</summary>
    private static JsonObject Delays(string definitionId, int count, int minutes)
    {
        var activities = new JsonArray(JsonNode.Parse("""{ "id": "Start1", "type": "Elsa.Start" }"""),
            JsonNode.Parse("""{ "id": "After1", "type": "Elsa.SetName", "value": { "typeName": "String", "expression": { "type": "Literal", "value": "done" } } }"""));
        var connections = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            activities.Add(JsonNode.Parse($$"""{ "id": "Wait{{i}}", "type": "Elsa.Delay", "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:{{minutes:D2}}:00" } } }"""));
            connections.Add(JsonNode.Parse($$"""{ "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Wait{{i}}", "port": "In" } }"""));
            connections.Add(JsonNode.Parse($$"""{ "source": { "activity": "Wait{{i}}", "port": "Done" }, "target": { "activity": "After1", "port": "In" } }"""));
        }

        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
    }
}
