using System.Text.Json.Nodes;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Activities.Composition;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Engine;

/// <summary>Behaviour Elsa has that workflow JSON written for Elsa relies on (ELSA-SEMANTICS.md §2.2, §3.1, §4, §6.1, §8).</summary>
public sealed class ElsaCompatibilityTests
{
    [Fact]
    public async Task A_workflow_used_as_an_activity_reads_its_own_inputs_and_hands_its_outputs_to_the_caller()
    {
        var child = WorkflowHarness.Load("assess-child");
        var harness = Embedding(child);

        var result = await harness.StartAsync(WorkflowHarness.Load("assess-caller"));

        result.State.Incidents.Should().BeEmpty("getScore() is built from the child's own input Score, though the caller has no inputs");
        harness.Lines.Should().Equal("approved: yes at 8 / yes at 8");
        result.State.ActivityOutputs["Assess1"]!.ToJsonString().Should().Be("""{"Decision":"yes at 8"}""",
            "what the child wrote with SetOutput became the activity's recorded output");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void The_older_top_level_usable_as_activity_flag_is_honoured()
    {
        var child = WorkflowHarness.LoadJson("assess-child");
        child.ContainsKey("options").Should().BeFalse("the fixture carries only the top-level flag, as older exports do");

        WorkflowActivityDescriptors.IsUsableAsActivity(WorkflowDefinitionReader.Load(child)).Should().BeTrue();

        child["usableAsActivity"] = false;
        WorkflowActivityDescriptors.IsUsableAsActivity(WorkflowDefinitionReader.Load(child)).Should().BeFalse();
    }

    [Fact]
    public async Task Following_an_invalid_backward_connection_faults_the_workflow_with_Elsas_message()
    {
        var harness = new WorkflowHarness();

        var result = await harness.StartAsync("invalid-backward");

        harness.Lines.Should().Equal("A", "B", "C");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        result.State.Incidents.Should().ContainSingle().Which.Message.Should().Be(
            "Invalid backward connection: Every path from the source ('C') must go through the target ('A') when tracing back to the start.");
    }

    [Fact]
    public async Task A_valid_backward_connection_still_loops()
    {
        var result = await new WorkflowHarness().StartAsync("join-in-loop");

        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        result.State.Incidents.Should().BeEmpty();
    }

    [Theory]
    [InlineData("TokenBased", null, "A B C D F", WorkflowSubStatus.Suspended)]
    [InlineData("CounterBased", null, "A B C D E F", WorkflowSubStatus.Finished)]
    [InlineData("TokenBased", "CounterBased", "A B C D E F", WorkflowSubStatus.Finished)]
    public async Task The_server_default_flowchart_mode_applies_unless_the_instance_says_otherwise(string serverDefault, string? instanceMode,
        string expectedLines, WorkflowSubStatus expectedStatus)
    {
        var lines = new WorkflowHarness.CapturedOutput();
        var runner = new WorkflowRunner(ActivityRegistry.CreateDefault(), ExpressionEvaluators.CreateDefault(),
            new WorkflowRunnerOptions { TextOutput = lines, DefaultFlowchartExecutionMode = serverDefault });
        var json = WorkflowHarness.LoadJson("join-after-decision");
        json["variables"]![0]!["value"] = "false";
        json["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.ToString() == "Join1")!["mode"]!["expression"]!["value"] = "WaitAllActive";
        var properties = instanceMode is null ? null : new JsonObject { ["Flowchart:ExecutionMode"] = instanceMode };

        var result = await runner.StartAsync(WorkflowDefinitionReader.Load(json), new StartWorkflowOptions { Properties = properties });

        string.Join(' ', lines.Lines).Should().Be(expectedLines, "token mode has no dead-path elimination, counter mode has");
        result.State.SubStatus.Should().Be(expectedStatus);
    }

    [Fact]
    public async Task An_exception_outside_any_activity_gives_a_workflow_level_incident_and_journal_entry()
    {
        var child = WorkflowHarness.Load("waiting-child");
        var caller = WorkflowHarness.Load("waiting-caller");
        var started = await Embedding(child).StartAsync(caller);
        started.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        // The definition store is unreachable when the instance resumes: the engine cannot load the embedded child.
        var registry = ActivityRegistry.CreateDefault();
        registry.Add(WorkflowActivityDescriptors.For(child, isPublished: true));
        var unreachable = new WorkflowHarness(definitions: new FailingDefinitions(() => new InvalidOperationException("The definition store is unreachable.")), registry: registry);

        var result = await unreachable.ResumeAsync(caller, started.State, "Elsa.Event");

        result.State.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        var incident = result.State.Incidents.Should().ContainSingle().Subject;
        incident.Should().Match<Incident>(i => i.ActivityType == WorkflowDefinition.WorkflowType && i.ActivityInstanceId == started.State.Id
            && i.Message == "The definition store is unreachable.");
        result.Journal.Should().ContainSingle(j => j.EventName == "Faulted").Which
            .Should().Match<JournalEntry>(j => j.ActivityInstanceId == started.State.Id && j.NodeId == caller.Id);
    }

    [Fact]
    public async Task A_definition_store_the_host_cannot_reach_abandons_the_burst_instead_of_faulting_the_instance()
    {
        // Our deviation from Elsa, for a referral that must outlive a database restart: the host's failure is thrown
        // to the runtime (which saves nothing and retries the trigger); only the workflow's own failures fault it.
        var child = WorkflowHarness.Load("waiting-child");
        var caller = WorkflowHarness.Load("waiting-caller");
        var registry = ActivityRegistry.CreateDefault();
        registry.Add(WorkflowActivityDescriptors.For(child, isPublished: true));
        var down = new WorkflowHarness(definitions: new FailingDefinitions(() => new WorkflowInfrastructureException("The definition store could not be read.", new TimeoutException())), registry: registry);

        var start = () => down.StartAsync(caller);

        (await start.Should().ThrowAsync<WorkflowInfrastructureException>()).Which.InnerException.Should().BeOfType<TimeoutException>();

        var started = await Embedding(child).StartAsync(caller);
        var state = started.State;
        var resume = () => down.ResumeAsync(caller, state, "Elsa.Event");

        await resume.Should().ThrowAsync<WorkflowInfrastructureException>("loading the embedded child for the resumption needs the store");
        state.Incidents.Should().BeEmpty();
        state.SubStatus.Should().NotBe(WorkflowSubStatus.Faulted);
    }

    private static WorkflowHarness Embedding(WorkflowDefinition child)
    {
        var registry = ActivityRegistry.CreateDefault();
        registry.Add(WorkflowActivityDescriptors.For(child, isPublished: true));
        return new WorkflowHarness(definitions: new InMemoryDefinitions(child), registry: registry);
    }

    /// <summary>A definition store whose every read throws what <paramref name="failure"/> makes.</summary>
    private sealed class FailingDefinitions(Func<Exception> failure) : IWorkflowDefinitionResolver
    {
        public ValueTask<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken) => throw failure();

        public ValueTask<WorkflowDefinition?> FindVersionAsync(string definitionId, string? versionId, CancellationToken cancellationToken) =>
            throw failure();
    }
}
