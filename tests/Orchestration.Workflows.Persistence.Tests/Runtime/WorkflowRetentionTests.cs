using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>Retention on PostgreSQL with a fake clock: each kind of row goes when its configured time has passed, not before.</summary>
[Trait("Category", "Integration")]
public sealed class WorkflowRetentionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Finished_faulted_and_cancelled_instances_go_with_their_journal_inbox_and_dead_rows_after_their_retention_in_batches()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, _clock, configure: o =>
        {
            o.Retention.BatchSize = 2; // Five finished instances take three batches.
            o.Retention.FinishedInstances = TimeSpan.FromDays(90);
            o.Retention.CancelledInstances = TimeSpan.FromDays(90);
            o.Retention.FaultedInstances = TimeSpan.FromDays(180);
            o.Retention.Inbox = TimeSpan.FromDays(30);
            o.Retention.DeadFollowUps = TimeSpan.FromDays(30);
        });
        foreach (var model in new[] { CountedWorkflow.Definition(), Faulting() })
        {
            (await node.RunAsync((_, definitions) => definitions.SaveAsync(model, publish: true, CancellationToken.None))).Succeeded.Should().BeTrue();
        }

        var finished = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            finished.Add(await StartCountedAsync(node, $"case-done-{i}"));
            // From a message, so the inbox records it.
            await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", $"case-done-{i}", new JsonObject(), Guid.NewGuid(), null,
                CancellationToken.None));
        }

        var cancelled = await StartCountedAsync(node, "case-cancelled");
        await node.RunAsync((runtime, _) => runtime.CancelAsync(cancelled, CancellationToken.None));
        var faulted = (await node.RunAsync((runtime, _) => runtime.StartAsync("faulting", VersionOptions.Published, new StartWorkflowOptions(),
            CancellationToken.None))).State.Id;
        var running = await StartCountedAsync(node, "case-running");
        await node.QueryAsync(async db =>
        {
            db.FollowUps.Add(new FollowUpRecord
            {
                Id = Guid.NewGuid(),
                Kind = FollowUpKinds.PublishEvent,
                SourceInstanceId = running,
                Payload = "{}",
                IsDead = true,
                CreatedAt = _clock.GetUtcNow(),
                NextAttemptAt = _clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        (await node.QueryAsync(db => db.Set<InboxMessage>().CountAsync())).Should().Be(5);
        (await node.QueryAsync(db => db.Journal.CountAsync(j => finished.Contains(j.WorkflowInstanceId)))).Should().BeGreaterThan(0);

        var early = await RetainAsync(node);
        early.Total.Should().Be(0, "nothing is old enough yet");

        _clock.Advance(TimeSpan.FromDays(31));
        var month = await RetainAsync(node);
        month.Should().Be(new RetentionReport(Instances: 0, JournalLines: 0, InboxRows: 5, OutboxRows: 0, DeadFollowUps: 1));

        _clock.Advance(TimeSpan.FromDays(60)); // 91 days
        var quarter = await RetainAsync(node);
        quarter.Instances.Should().Be(6, "the five finished and the cancelled one");
        (await InstanceIdsAsync(node)).Should().BeEquivalentTo([faulted, running]);
        (await node.QueryAsync(db => db.Journal.Select(j => j.WorkflowInstanceId).Distinct().ToListAsync())).Should().BeEquivalentTo([faulted, running]);
        (await node.QueryAsync(db => db.ActivityExecutions.Select(a => a.WorkflowInstanceId).Distinct().ToListAsync()))
            .Should().BeEquivalentTo([faulted, running]);
        (await node.QueryAsync(db => db.Bookmarks.Select(b => b.WorkflowInstanceId).ToListAsync())).Should().Equal(running);

        _clock.Advance(TimeSpan.FromDays(90)); // 181 days
        (await RetainAsync(node)).Instances.Should().Be(1);
        (await InstanceIdsAsync(node)).Should().Equal(running);

        _clock.Advance(TimeSpan.FromDays(3650));
        (await RetainAsync(node)).Total.Should().Be(0, "a running instance is never deleted, however old");
        (await node.RunAsync((runtime, _) => runtime.TriggerEventAsync("Proceed", "case-running", null, new JsonObject(), CancellationToken.None)))
            .Should().ContainSingle().Which.State.Status.Should().Be(Workflows.State.WorkflowStatus.Finished);
    }

    private Task<RetentionReport> RetainAsync(EngineNode node) =>
        node.RunScopedAsync<WorkflowRetention, RetentionReport>(retention => retention.RunAsync(CancellationToken.None));

    private static Task<List<string>> InstanceIdsAsync(EngineNode node) => node.QueryAsync(db => db.WorkflowInstances.Select(i => i.Id).ToListAsync());

    private static async Task<string> StartCountedAsync(EngineNode node, string correlationId) =>
        (await node.RunAsync((runtime, _) => runtime.StartAsync("counted", VersionOptions.Published,
            new StartWorkflowOptions { CorrelationId = correlationId }, CancellationToken.None))).State.Id;

    private static JsonObject Faulting() => JsonNode.Parse("""
        {
          "definitionId": "faulting", "name": "Faulting",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [ { "id": "Throw1", "type": "Elsa.RunJavaScript",
              "script": { "typeName": "String", "expression": { "type": "Literal", "value": "throw new Error('boom');" } } } ],
            "connections": [] } }
        """)!.AsObject();
}
