using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Engine;

/// <summary>The token-based flowchart mode (ELSA-SEMANTICS.md §3), switched on through the definition's custom property.</summary>
public sealed class TokenFlowTests
{
    private readonly WorkflowHarness _harness = new();

    [Fact]
    public async Task A_merge_join_runs_once_after_every_branch_arrived()
    {
        var result = await RunAsync("WaitAll", take: true);

        string.Join(' ', _harness.Lines).Should().Be("A B C E F");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task A_merge_waiting_for_a_branch_never_taken_leaves_the_instance_suspended_without_bookmarks()
    {
        var result = await RunAsync("WaitAll", take: false);

        string.Join(' ', _harness.Lines).Should().Be("A B C D F");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "token mode has no dead-path elimination");
        result.State.Bookmarks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_race_join_runs_on_the_first_arrival_and_blocks_the_later_ones()
    {
        var result = await RunAsync("WaitAny", take: true);

        _harness.Lines.Count(l => l == "E").Should().Be(1, "the join ran once");
        _harness.Lines.Count(l => l == "F").Should().Be(1);
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Counter_mode_stays_the_default()
    {
        var result = await _harness.StartAsync("join-after-decision");

        string.Join(' ', _harness.Lines).Should().Be("A B C D F", "counter mode skips the join whose branch was not taken");
        result.State.Properties.ContainsKey("Flowchart:ExecutionMode").Should().BeFalse();
    }

    private Task<Orchestration.Workflows.Engine.RunResult> RunAsync(string joinMode, bool take)
    {
        var json = WorkflowHarness.LoadJson("join-after-decision");
        json["customProperties"]!["Flowchart:ExecutionMode"] = "TokenBased";
        json["variables"]![0]!["value"] = take.ToString();
        json["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.ToString() == "Join1")!["mode"]!["expression"]!["value"] = joinMode;
        return _harness.StartAsync(WorkflowDefinitionReader.Load(json));
    }
}
