using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>Cron, Timer and StartAt triggers start their workflow once per occurrence, on any number of nodes and across restarts.</summary>
[Trait("Category", "Integration")]
public sealed class WorkflowTriggerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 58, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_cron_trigger_fires_once_per_occurrence_on_two_nodes_and_across_a_restart()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using (var first = await EngineNode.StartAsync(database.ConnectionString, clock))
        await using (var second = await EngineNode.StartAsync(database.ConnectionString, clock))
        {
            await first.RunAsync((_, definitions) => definitions.SaveAsync(Scheduled("every-five-minutes", "Elsa.Cron", "cronExpression", "*/5 * * * *"),
                publish: true, CancellationToken.None));
            (await BothFireAsync(first, second)).Should().Be(0, "the first occurrence is 08:00");

            clock.Advance(TimeSpan.FromMinutes(2));
            (await BothFireAsync(first, second)).Should().Be(1, "two nodes racing for 08:00 start one instance");
            (await BothFireAsync(first, second)).Should().Be(0);

            clock.Advance(TimeSpan.FromMinutes(5));
            (await BothFireAsync(first, second)).Should().Be(1, "08:05");
        }

        await using var restarted = await EngineNode.StartAsync(database.ConnectionString, clock);
        (await FireAsync(restarted)).Should().Be(0, "08:05 already fired before the restart");
        clock.Advance(TimeSpan.FromMinutes(12));
        (await FireAsync(restarted)).Should().Be(1, "08:10 and 08:15 were missed while down: they fire once");
        (await FireAsync(restarted)).Should().Be(0);

        var instances = await restarted.QueryAsync(db => db.WorkflowInstances.AsNoTracking().ToListAsync());
        instances.Should().HaveCount(3).And.OnlyContain(i => i.DefinitionId == "every-five-minutes" && i.SubStatus == "Finished");
        (await restarted.QueryAsync(db => db.TriggerOccurrences.CountAsync())).Should().Be(3);
        (await restarted.QueryAsync(db => db.Journal.CountAsync(j => j.ActivityId == "Note1" && j.EventName == "Completed"))).Should().Be(3);
    }

    [Fact]
    public async Task Retracting_or_deleting_removes_the_trigger_and_publishing_again_restores_it()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(Scheduled("hourly", "Elsa.Timer", "interval", "01:00:00"), publish: true, CancellationToken.None));
        await node.RunAsync((_, definitions) => definitions.SaveAsync(Scheduled("once", "Elsa.StartAt", "dateTime", "2026-11-23T09:30:00Z"), publish: true, CancellationToken.None));
        (await node.QueryAsync(db => db.Triggers.OrderBy(t => t.DefinitionId).Select(t => t.NextOccurrenceAt).ToListAsync()))
            .Should().Equal(Monday.AddHours(1), new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

        await node.RunAsync((_, definitions) => definitions.RetractAsync("hourly", CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(2));
        (await FireAsync(node)).Should().Be(1, "only the StartAt is still published");
        (await FireAsync(node)).Should().Be(0, "a StartAt fires once");

        await node.RunAsync((_, definitions) => definitions.PublishAsync("hourly", CancellationToken.None));
        await node.RunAsync((_, definitions) => definitions.DeleteAsync("once", CancellationToken.None));
        (await node.QueryAsync(db => db.Triggers.Select(t => t.DefinitionId).ToListAsync())).Should().Equal("hourly");
        clock.Advance(TimeSpan.FromHours(1));
        (await FireAsync(node)).Should().Be(1);
    }

    private static async Task<int> BothFireAsync(EngineNode first, EngineNode second) =>
        (await Task.WhenAll(FireAsync(first), FireAsync(second))).Sum();

    private static Task<int> FireAsync(EngineNode node) =>
        node.RunScopedAsync<WorkflowTriggerJob, int>(job => job.FireDueAsync(CancellationToken.None));

    /// <summary>A trigger activity marked "can start workflow", then a step that shows the instance ran.</summary>
    private static JsonObject Scheduled(string definitionId, string type, string input, string value) => JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "name": "{{definitionId}}",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Trigger1", "type": "{{type}}", "customProperties": { "canStartWorkflow": true },
                "{{input}}": { "typeName": "String", "expression": { "type": "Literal", "value": "{{value}}" } } },
              { "id": "Note1", "type": "Elsa.SetName", "value": { "typeName": "String", "expression": { "type": "Literal", "value": "triggered" } } }
            ],
            "connections": [ { "source": { "activity": "Trigger1", "port": "Done" }, "target": { "activity": "Note1", "port": "In" } } ] } }
        """)!.AsObject();
}
