using System.Diagnostics;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Activities.Composition;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Engine;

/// <summary>Workflows that run each other without end (W1 → W2 → W1) fault with a clear incident at a configurable depth.</summary>
public sealed class NestingLimitTests
{
    [Fact]
    public async Task Two_workflows_used_as_activities_of_each_other_fault_at_the_configured_depth()
    {
        var ping = WorkflowHarness.Load("nest-ping");
        var pong = WorkflowHarness.Load("nest-pong");
        var registry = ActivityRegistry.CreateDefault();
        registry.Add(WorkflowActivityDescriptors.For(ping, isPublished: true));
        registry.Add(WorkflowActivityDescriptors.For(pong, isPublished: true));
        var harness = new WorkflowHarness(definitions: new InMemoryDefinitions(ping, pong), registry: registry, maxCallDepth: 5);
        var clock = Stopwatch.StartNew();

        var result = await harness.StartAsync(ping);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        harness.Lines.Should().Equal("ping", "pong", "ping", "pong", "ping", "pong");
        result.State.Status.Should().Be(WorkflowStatus.Finished);
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        var incident = result.State.Incidents.Should().ContainSingle().Subject;
        incident.ActivityType.Should().Be("NestPing");
        incident.Message.Should().Be("Workflows run inside each other more than 5 levels deep (nest-pong → nest-ping → nest-pong → nest-ping); is a workflow using itself as an activity?");
    }

    [Fact]
    public async Task A_workflow_that_executes_itself_faults_every_level_with_the_same_incident()
    {
        var self = WorkflowHarness.Load("execute-self");
        var harness = new WorkflowHarness(definitions: new InMemoryDefinitions(self), maxCallDepth: 3);

        var result = await harness.StartAsync(self);

        var chain = new List<Workflows.Engine.RunResult> { result };
        while (chain[^1].Children.Count > 0)
        {
            chain.Add(chain[^1].Children.Single());
        }

        chain.Should().HaveCount(4, "the top instance and three levels below it");
        chain.Should().OnlyContain(r => r.State.SubStatus == WorkflowSubStatus.Faulted,
            "the cycle is the fault of every level, so the instance the caller started shows it too");
        chain.Select(r => r.State.Incidents.Single().Message).Distinct().Should().Equal(
            "Workflows started each other more than 3 levels deep ('execute-self' again); is a workflow calling itself?");
    }
}
