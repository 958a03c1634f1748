using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Expressions;

/// <summary>JavaScript and Liquid in workflows: Elsa's globals and accessors, and a sandbox that contains hostile scripts.</summary>
public sealed class ScriptingTests
{
    private readonly WorkflowHarness _harness = new(new JavaScriptOptions { Timeout = TimeSpan.FromMilliseconds(500), MemoryLimitBytes = 16 * 1024 * 1024 });

    [Fact]
    public async Task JavaScript_reads_and_writes_variables_through_generated_accessors_and_the_variables_object()
    {
        var result = await _harness.StartAsync("javascript-variables");

        _harness.Lines.Should().Equal("counter=2 total=20 created=yes last=2 id=true");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Liquid_renders_variables_and_instance_facts_with_filters()
    {
        await _harness.StartAsync(WorkflowHarness.Load("liquid-text"), correlationId: "referral-17");

        _harness.Lines.Should().Equal("District Spånga-Tensta, case referral-17, 3 steps");
    }

    [Theory]
    [InlineData("while (true) {}", "ran longer than allowed")]
    [InlineData("var a = []; while (true) { a.push(new Array(100000).fill('x')); }", "more memory than allowed")]
    [InlineData("function f(n) { return f(n + 1) + 1; } f(0);", "recursed deeper than allowed")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System is not defined")]
    [InlineData("importNamespace('System.IO')", "importNamespace is not defined")]
    public async Task Hostile_JavaScript_faults_its_activity_with_a_clear_incident_in_bounded_time(string script, string expected)
    {
        var json = WorkflowHarness.LoadJson("hostile-javascript");
        json["variables"]![0]!["value"] = script;
        var definition = WorkflowDefinitionReader.Load(json);
        var clock = Stopwatch.StartNew();

        var result = await _harness.StartAsync(definition);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the sandbox stops the script, not the test runner");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        var incident = result.State.Incidents.Should().ContainSingle().Subject;
        incident.ActivityId.Should().Be("Script1");
        incident.Message.Should().StartWith("JavaScript failed:").And.Contain(expected);

        // The engine is still usable afterwards.
        var next = await _harness.StartAsync("sequence-order");
        next.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task A_script_with_a_syntax_error_faults_with_the_parser_message()
    {
        var json = WorkflowHarness.LoadJson("hostile-javascript");
        json["variables"]![0]!["value"] = "return (1 + ;";

        var result = await _harness.StartAsync(WorkflowDefinitionReader.Load(json));

        result.State.Incidents.Should().ContainSingle().Which.Message.Should().StartWith("JavaScript failed:");
    }

    [Fact]
    public async Task Top_level_return_and_last_expression_values_both_work()
    {
        var evaluators = ExpressionEvaluators.CreateDefault();
        var definition = WorkflowHarness.Load("sequence-order");
        var scope = new StubScope(definition);

        (await evaluators.EvaluateToAsync("JavaScript", JsonValue.Create("return 6 * 7;"), typeof(int), scope)).Should().Be(42);
        (await evaluators.EvaluateToAsync("JavaScript", JsonValue.Create("var x = 2; x + 3"), typeof(int), scope)).Should().Be(5);
        (await evaluators.EvaluateToAsync("JavaScript", JsonValue.Create("({ a: [1, 2] })"), typeof(JsonObject), scope))
            .Should().BeOfType<JsonObject>().Which.ToJsonString().Should().Be("""{"a":[1,2]}""");
    }
}
