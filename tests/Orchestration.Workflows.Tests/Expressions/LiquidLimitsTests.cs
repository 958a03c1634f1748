using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Expressions;

/// <summary>A Liquid template cannot hang a node or fill its memory: steps, ranges, output and time are bounded.</summary>
public sealed class LiquidLimitsTests
{
    private static readonly LiquidOptions Limits = new() { Timeout = TimeSpan.FromMilliseconds(500) };

    private readonly WorkflowHarness _harness = new(liquid: Limits);

    [Theory]
    [InlineData("{% for i in (1..10000000) %}x{% endfor %}", "the range (1..10000000) has more than 100000 items")]
    [InlineData("{% assign n = 10000000 %}{% for i in (1..n) %}{% endfor %}", "the range (1..10000000) has more than 100000 items")]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}", "ran more than 100000 steps")]
    [InlineData("{% for i in (1..50000) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}", "the output is longer than 100000 characters")]
    [InlineData("{% assign s = '' %}{% for i in (1..90000) %}{% assign s = s | append: 'xxxxxxxxxxxxxxxxxxxx' %}{% endfor %}{{ s | size }}", "ran longer than 0.5 s")]
    public async Task A_template_past_a_limit_faults_its_activity_with_a_clear_incident_in_bounded_time(string template, string expected)
    {
        var clock = Stopwatch.StartNew();

        var result = await _harness.StartAsync(Hostile(template));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the limits stop the render, not the test runner");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        var incident = result.State.Incidents.Should().ContainSingle().Subject;
        incident.ActivityId.Should().Be("Text1");
        incident.Message.Should().StartWith("Liquid failed:").And.Contain(expected);
        _harness.Lines.Should().BeEmpty("nothing of a stopped render is written");

        var next = await _harness.StartAsync("liquid-text");
        next.State.SubStatus.Should().Be(WorkflowSubStatus.Finished, "the engine is still usable afterwards");
    }

    [Fact]
    public async Task A_template_within_the_limits_renders_in_full()
    {
        var result = await _harness.StartAsync(Hostile("{% for i in (1..1000) %}{{ i }},{% endfor %}"));

        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        _harness.Lines.Should().ContainSingle().Which.Should().StartWith("1,2,3,").And.EndWith("999,1000,");
    }

    [Fact]
    public async Task A_cancelled_burst_stops_a_render_without_an_incident()
    {
        var evaluators = ExpressionEvaluators.CreateDefault(liquid: new LiquidOptions { Timeout = TimeSpan.FromMinutes(5), MaxSteps = int.MaxValue });
        var scope = new StubScope(WorkflowHarness.Load("sequence-order"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var template = "{% assign s = '' %}{% for i in (1..90000) %}{% assign s = s | append: 'xxxxxxxxxxxxxxxxxxxx' %}{% endfor %}";

        var render = async () => await evaluators.EvaluateAsync("Liquid", JsonValue.Create(template), typeof(string), scope, cancellationToken: cancel.Token);

        await render.Should().ThrowAsync<OperationCanceledException>();
    }

    private static Model.WorkflowDefinition Hostile(string template)
    {
        var json = WorkflowHarness.LoadJson("hostile-liquid");
        json["root"]!["activities"]![1]!["text"]!["expression"]!["value"] = template;
        return WorkflowDefinitionReader.Load(json);
    }
}
