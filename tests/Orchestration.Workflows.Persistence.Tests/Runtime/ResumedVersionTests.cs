using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// A resume takes its version's runnable definition from the node's cache by the version's concurrency token, read
/// with the instance, not from the JSON: a draft saved in place after an instance of it suspended is what that
/// instance resumes on, not the content cached when an earlier instance of the same version resumed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ResumedVersionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_resume_runs_the_draft_as_saved_after_the_instance_suspended_not_the_cached_earlier_content(DatabaseProvider provider)
    {
        await using var database = await EngineDatabase.CreateAsync(provider);
        await using var node = await database.StartNodeAsync(_clock);
        var saved = await node.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: false, CancellationToken.None));
        saved.Succeeded.Should().BeTrue();
        var first = await StartDraftAsync(node, "case-a");
        // Resumed once with the first content: that version is now in the node's cache.
        (await ProceedAsync(node, "case-a")).State.Output["Count"]!.ToJsonString().Should().Be("11");
        var second = await StartDraftAsync(node, "case-b");

        var changed = CountedWorkflow.Definition();
        changed["root"]!["activities"]![3]!["script"]!["expression"]!["value"] = "var p = getInput('__EventPayloadWorkflowInput'); return 1000 + p.n;";
        var resaved = await node.RunAsync((_, definitions) => definitions.SaveAsync(changed, publish: false, CancellationToken.None));

        resaved.Succeeded.Should().BeTrue();
        second.State.DefinitionVersionId.Should().Be(first.State.DefinitionVersionId, "a draft is saved in place: same version id, new content");
        (await ProceedAsync(node, "case-b")).State.Output["Count"]!.ToJsonString().Should().Be("1001", "the resume ran the content saved last");
    }

    private static Task<RunResult> StartDraftAsync(EngineNode node, string correlationId) => node.RunAsync((runtime, _) =>
        runtime.StartAsync("counted", VersionOptions.Latest, new StartWorkflowOptions { CorrelationId = correlationId }, CancellationToken.None));

    private static async Task<RunResult> ProceedAsync(EngineNode node, string correlationId) =>
        (await node.RunAsync((runtime, _) => runtime.TriggerEventAsync("Proceed", correlationId, null, new JsonObject { ["n"] = 1 }, CancellationToken.None)))
        .Should().ContainSingle().Subject;
}
