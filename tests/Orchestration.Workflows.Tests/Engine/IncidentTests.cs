using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Engine;

/// <summary>Faults become incidents; the instance is Faulted until retried (ELSA-SEMANTICS.md §8).</summary>
public sealed class IncidentTests
{
    private readonly WorkflowHarness _harness = new();

    [Fact]
    public async Task A_fault_records_an_incident_faults_the_instance_and_stops_that_path()
    {
        var result = await _harness.StartAsync("fault-incident");

        _harness.Lines.Should().Equal("before");
        result.State.Status.Should().Be(WorkflowStatus.Finished);
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        var incident = result.State.Incidents.Should().ContainSingle().Subject;
        incident.Should().Match<Incident>(i => i.ActivityId == "Fault1" && i.ActivityType == "Elsa.Fault"
            && i.Message == "The aid decision is missing" && i.ActivityNodeId == "Workflow1:Flowchart1:Fault1");
        result.Journal.Should().Contain(j => j.ActivityId == "Fault1" && j.EventName == "Faulted" && j.Message == "The aid decision is missing");
        result.State.Executions.Should().Contain(e => e.ActivityId == "Fault1" && e.Status == ActivityStatus.Faulted,
            "the faulted execution is kept for a retry");
    }

    [Fact]
    public async Task Retrying_runs_the_faulted_activity_again_and_the_instance_continues()
    {
        var definition = WorkflowHarness.Load("retry-after-fault");
        var first = await _harness.StartAsync(definition);
        first.State.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        first.State.Incidents.Single().Message.Should().Contain("service not reachable");

        var retried = await _harness.Runner.RetryAsync(definition, first.State);

        _harness.Lines.Should().Equal("succeeded after 2 attempts");
        retried.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        retried.State.Incidents.Should().BeEmpty();
    }
}
