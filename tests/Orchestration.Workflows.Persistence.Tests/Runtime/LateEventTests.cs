using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// An event whose correlation matches only finished instances is dropped, not kept for 14 days as a stimulus that
/// could resume a later instance of the same case with a stale fact; an early one (no instance yet) is still kept.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LateEventTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_late_event_for_a_finished_case_is_not_kept_and_resumes_no_later_instance_of_that_case()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, _clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: true, CancellationToken.None));
        await StartAsync(node, "case-closed");
        await node.RunAsync((runtime, _) => runtime.TriggerEventAsync("Proceed", "case-closed", null, new JsonObject { ["n"] = 1 }, CancellationToken.None));

        var late = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-closed", new JsonObject { ["n"] = 7 }, Guid.NewGuid(),
            null, CancellationToken.None));
        var early = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-new", new JsonObject { ["n"] = 2 }, Guid.NewGuid(),
            null, CancellationToken.None));

        late.Should().BeEmpty();
        early.Should().BeEmpty();
        (await node.QueryAsync(db => db.PendingStimuli.Select(s => s.CorrelationId).ToListAsync())).Should().Equal(["case-new"],
            "only the early event waits for its instance");

        var reopened = await StartAsync(node, "case-closed");
        reopened.State.SubStatus.Should().Be(Workflows.State.WorkflowSubStatus.Suspended, "the stale event of the closed case did not resume the new instance");
    }

    private static Task<RunResult> StartAsync(EngineNode node, string correlationId) => node.RunAsync((runtime, _) =>
        runtime.StartAsync("counted", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = correlationId }, CancellationToken.None));
}
