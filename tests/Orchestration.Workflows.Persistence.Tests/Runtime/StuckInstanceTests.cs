using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// The stuck-instance detector: a waiting instance is stuck exactly when no live bookmark or follow-up row will move
/// it on (a kept stimulus of its case cannot: it resumes bookmarks only); /health/ready turns Degraded while one is.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StuckInstanceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_waiting_instance_is_stuck_only_while_nothing_can_move_it_on_and_readiness_reports_the_count()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, _clock);
        (await node.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: true, CancellationToken.None)))
            .Succeeded.Should().BeTrue();
        var healthy = await StartAsync(node, "case-healthy");
        var victim = await StartAsync(node, "case-victim");
        var check = new StuckInstancesHealthCheck(node.Get<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>());

        (await StuckAsync(node)).Should().BeEmpty("both wait on a live Event bookmark");
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy);

        // The bookmark row is lost (an operator's delete, a bug): nothing will ever resume the instance.
        await node.QueryAsync(db => db.Bookmarks.Where(b => b.WorkflowInstanceId == victim).ExecuteDeleteAsync());
        (await StuckAsync(node)).Should().Equal(victim);
        var degraded = await check.CheckHealthAsync(new HealthCheckContext());
        degraded.Status.Should().Be(HealthStatus.Degraded);
        degraded.Data["stuckInstances"].Should().Be(1);

        // A kept stimulus of its case cannot move it on: a stimulus only resumes a bookmark.
        await node.QueryAsync(async db =>
        {
            db.PendingStimuli.Add(new PendingStimulusRecord
            {
                Id = Guid.NewGuid(),
                Hash = "h",
                EventName = "Proceed",
                CorrelationId = "case-victim",
                Payload = "{}",
                ReceivedAt = _clock.GetUtcNow(),
                ExpiresAt = _clock.GetUtcNow().AddDays(1),
            });
            return await db.SaveChangesAsync();
        });
        (await StuckAsync(node)).Should().Equal(victim);
        await node.QueryAsync(db => db.PendingStimuli.ExecuteDeleteAsync());

        // So does a follow-up row still being tried; a dead one does not.
        var followUp = Guid.NewGuid();
        await node.QueryAsync(async db =>
        {
            db.FollowUps.Add(new FollowUpRecord
            {
                Id = followUp,
                Kind = FollowUpKinds.Continue,
                SourceInstanceId = victim,
                Payload = "{}",
                CreatedAt = _clock.GetUtcNow(),
                NextAttemptAt = _clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        (await StuckAsync(node)).Should().BeEmpty();
        await node.QueryAsync(db => db.FollowUps.Where(f => f.Id == followUp).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsDead, true)));
        (await StuckAsync(node)).Should().Equal(victim);

        // A dead timer is no live bookmark either: the healthy instance's only bookmark dies.
        await node.QueryAsync(db => db.Bookmarks.Where(b => b.WorkflowInstanceId == healthy).ExecuteUpdateAsync(s => s.SetProperty(b => b.IsDead, true)));
        (await StuckAsync(node)).Should().BeEquivalentTo([victim, healthy]);
        (await check.CheckHealthAsync(new HealthCheckContext())).Data["stuckInstances"].Should().Be(2);

        // Finished instances wait for nothing and are never stuck.
        await node.RunAsync((runtime, _) => runtime.CancelAsync(victim, CancellationToken.None));
        await node.RunAsync((runtime, _) => runtime.CancelAsync(healthy, CancellationToken.None));
        (await StuckAsync(node)).Should().BeEmpty();
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy);
    }

    private static async Task<string> StartAsync(EngineNode node, string correlationId) =>
        (await node.RunAsync((runtime, _) => runtime.StartAsync("counted", VersionOptions.Published,
            new StartWorkflowOptions { CorrelationId = correlationId }, CancellationToken.None))).State.Id;

    private static Task<List<string>> StuckAsync(EngineNode node) => node.RunAsync(async (runtime, _) =>
        (await runtime.StuckInstancesAsync(100, CancellationToken.None)).Select(i => i.Id).ToList());
}
