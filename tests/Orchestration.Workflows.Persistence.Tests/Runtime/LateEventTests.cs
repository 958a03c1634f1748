using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// An event whose correlation matches only finished instances is dropped, not kept for 14 days as a stimulus that
/// could resume a later instance of the same case with a stale fact; an early one (no instance yet) is still kept,
/// unless no stored definition version can wait for its name.
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

    [Fact]
    public async Task An_event_no_definition_can_wait_for_is_not_kept_until_a_version_that_waits_for_it_is_saved()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, _clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: true, CancellationToken.None));
        Task<IReadOnlyList<RunResult>> EventAsync(string name, string correlationId) => node.RunAsync((runtime, _) =>
            runtime.TriggerEventFromMessageAsync(name, correlationId, new JsonObject(), Guid.NewGuid(), null, CancellationToken.None));

        await EventAsync("Proceed", "case-1");
        await EventAsync("Reviewed", "case-1");
        (await node.QueryAsync(db => db.PendingStimuli.Select(s => s.EventName).ToListAsync())).Should().Equal(["Proceed"],
            "no stored version has an Event activity named Reviewed");

        // A process owner saves a draft (not published) whose new step waits for Reviewed: from now on it is kept.
        var draft = CountedWorkflow.Definition();
        draft["root"]!["activities"]![2]!["eventName"]!["expression"]!["value"] = "Reviewed";
        await node.RunAsync((_, definitions) => definitions.SaveAsync(draft, publish: false, CancellationToken.None));
        await EventAsync("Reviewed", "case-2");

        (await node.QueryAsync(db => db.PendingStimuli.OrderBy(s => s.ReceivedAt).Select(s => s.EventName).ToListAsync())).Should()
            .BeEquivalentTo(["Proceed", "Reviewed"]);
    }

    private static Task<RunResult> StartAsync(EngineNode node, string correlationId) => node.RunAsync((runtime, _) =>
        runtime.StartAsync("counted", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = correlationId }, CancellationToken.None));
}
