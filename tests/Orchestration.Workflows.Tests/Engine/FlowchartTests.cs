using System.Text.Json.Nodes;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Engine;

/// <summary>Flowchart scheduling and joins in counter mode (ELSA-SEMANTICS.md §1.2, §2).</summary>
public sealed class FlowchartTests
{
    private readonly WorkflowHarness _harness = new();

    [Fact]
    public async Task A_sequence_runs_its_activities_in_order_and_finishes()
    {
        var result = await _harness.StartAsync("sequence-order");

        _harness.Lines.Should().Equal("A", "B", "C");
        result.State.Status.Should().Be(WorkflowStatus.Finished);
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Outcomes_are_followed_breadth_first_in_connection_order()
    {
        await _harness.StartAsync("flowchart-breadth-first");

        _harness.Lines.Should().Equal("A", "C", "B", "D", "E");
    }

    [Fact]
    public async Task One_loaded_flowchart_starts_where_each_instance_s_trigger_says_however_often_it_ran_before()
    {
        // The flowchart's start and graph are kept per flowchart and trigger: a start at the trigger must not stick
        // to later instances of the same definition, nor the other way round.
        var definition = WorkflowHarness.Load("flowchart-breadth-first");

        await _harness.StartAsync(definition);
        var plain = _harness.Lines.ToList();
        await _harness.Runner.StartAsync(definition, new StartWorkflowOptions { TriggerActivityId = "D" });
        var triggered = _harness.Lines.Skip(plain.Count).ToList();
        await _harness.StartAsync(definition);
        var again = _harness.Lines.Skip(plain.Count + triggered.Count).ToList();

        plain.Should().Equal("A", "C", "B", "D", "E");
        triggered.Should().Equal(["D", "E"], "an instance started by its trigger D runs from D");
        again.Should().Equal(plain, "the next plain start runs from the flowchart's Start again");
    }

    [Theory]
    [InlineData("5", "big")]
    [InlineData("2", "small")]
    public async Task A_decision_takes_the_port_of_its_condition(string counter, string expected)
    {
        var json = WorkflowHarness.LoadJson("decision");
        json["variables"]![0]!["value"] = counter;

        await _harness.StartAsync(WorkflowDefinitionReader.Load(json));

        _harness.Lines.Should().Equal(expected);
    }

    [Theory]
    [InlineData("switch-match-first", "4", new[] { "small" })]
    [InlineData("switch-match-any", "4", new[] { "small", "even" })]
    [InlineData("switch-match-any", "2000", new[] { "even", "huge" })]
    [InlineData("switch-match-first", "15", new[] { "default" })]
    public async Task A_switch_takes_the_first_or_every_matching_case_else_default(string workflow, string amount, string[] expected)
    {
        var json = WorkflowHarness.LoadJson(workflow);
        json["variables"]![0]!["value"] = amount;

        await _harness.StartAsync(WorkflowDefinitionReader.Load(json));

        _harness.Lines.Should().Equal(expected);
    }

    [Theory]
    // The expectations of ELSA-SEMANTICS.md §2.3 (Elsa's FlowchartNextActivity tests).
    [InlineData("WaitAll", false, "A B C D F")]
    [InlineData("WaitAllActive", false, "A B C D E F")]
    [InlineData("WaitAny", false, "A B C D E F")]
    [InlineData("WaitAll", true, "A B C E F")]
    [InlineData("WaitAllActive", true, "A B C E F")]
    [InlineData("WaitAny", true, "A B C E F")]
    public async Task Joins_after_a_decision_follow_Elsas_counter_semantics(string mode, bool take, string expected)
    {
        var json = WorkflowHarness.LoadJson("join-after-decision");
        json["variables"]![0]!["value"] = take.ToString();
        var join = json["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.ToString() == "Join1")!;
        join["mode"]!["expression"]!["value"] = mode;

        var result = await _harness.StartAsync(WorkflowDefinitionReader.Load(json));

        string.Join(' ', _harness.Lines).Should().Be(expected);
        result.State.Status.Should().Be(WorkflowStatus.Finished);
    }

    [Theory]
    [InlineData("WaitAll", false)]
    [InlineData("WaitAllActive", false)]
    [InlineData("WaitAny", false)]
    [InlineData("WaitAll", true)]
    [InlineData("WaitAny", true)]
    public async Task A_join_inside_a_loop_runs_once_per_round(string mode, bool tokenMode)
    {
        var json = WorkflowHarness.LoadJson("join-in-loop");
        json["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.ToString() == "Join1")!["mode"]!["expression"]!["value"] = mode;
        if (tokenMode)
        {
            json["customProperties"]!["Flowchart:ExecutionMode"] = "TokenBased";
        }

        var result = await _harness.StartAsync(WorkflowDefinitionReader.Load(json));

        _harness.Lines.Should().Equal("A", "B", "C", "A", "B", "C", "A", "B", "C", "done");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task End_completes_its_flowchart_and_cancels_a_waiting_sibling()
    {
        var result = await _harness.StartAsync("end-cancels-siblings");

        _harness.Lines.Should().Equal("A");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        result.State.Bookmarks.Should().BeEmpty("the cancelled Event's bookmark goes with it");
        result.Journal.Should().Contain(j => j.ActivityId == "Wait1" && j.EventName == "Canceled");
    }

    [Fact]
    public async Task Complete_ends_the_workflow_with_its_outcome()
    {
        var result = await _harness.StartAsync("complete-with-outcome");

        _harness.Lines.Should().BeEmpty();
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        result.Journal.Last().Should().Match<JournalEntry>(j => j.ActivityType == "Elsa.Workflow" && j.EventName == "Completed");
        result.Journal.Last().Payload!["Outcomes"]!.AsArray().Select(o => o!.ToString()).Should().Equal("Approved");
    }

    [Fact]
    public async Task While_repeats_until_a_break_in_its_body()
    {
        await _harness.StartAsync("while-break");

        _harness.Lines.Should().Equal("i=1", "i=2", "after i=3");
    }

    [Fact]
    public async Task ForEach_runs_the_body_per_item_with_current_value_and_index()
    {
        await _harness.StartAsync("foreach-items");

        _harness.Lines.Should().Equal("0:P1M", "1:P3M", "2:P3M");
    }

    [Fact]
    public async Task The_journal_nests_completions_like_Elsa()
    {
        var result = await _harness.StartAsync("sequence-order");

        result.Journal.Select(j => $"{j.ActivityId} {j.EventName}").Should().Equal(
            "Workflow1 Started", "Sequence1 Started", "A Started", "A Completed", "B Started", "B Completed",
            "C Started", "C Completed", "Sequence1 Completed", "Workflow1 Completed");
        result.Journal.Select(j => j.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        result.Journal.Single(j => j.ActivityId == "B" && j.EventName == "Started").NodeId.Should().Be("Workflow1:Sequence1:B");
    }

    [Fact]
    public async Task Unknown_activity_types_fault_with_an_incident_naming_the_type()
    {
        var json = WorkflowHarness.LoadJson("sequence-order");
        json["root"]!["activities"]![1]!["type"] = "Acme.Teleport";

        var result = await _harness.StartAsync(WorkflowDefinitionReader.Load(json));

        result.State.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        result.State.Incidents.Should().ContainSingle().Which.Message.Should().Contain("Unknown activity type 'Acme.Teleport'");
        _harness.Lines.Should().Equal("A");
    }
}
