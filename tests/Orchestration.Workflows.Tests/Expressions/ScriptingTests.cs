using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Expressions;

/// <summary>JavaScript and Liquid in workflows: Elsa's globals and accessors, and a sandbox that contains hostile scripts.</summary>
public sealed class ScriptingTests
{
    private readonly WorkflowHarness _harness = new(new JavaScriptOptions { Timeout = TimeSpan.FromSeconds(2), MemoryLimitBytes = 16 * 1024 * 1024 });

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
    // Whichever of the time and statement limits a machine reaches first stops an endless loop.
    [InlineData("while (true) {}", "ran (longer|more statements) than allowed")]
    [InlineData("var a = []; while (true) { a.push(new Array(100000).fill('x')); }", "more memory than allowed")]
    [InlineData("function f(n) { return f(n + 1) + 1; } f(0);", "recursed deeper than allowed")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System is not defined")]
    [InlineData("importNamespace('System.IO')", "importNamespace is not defined")]
    [InlineData("'x'.repeat(1e8).length", "Invalid string length")]
    [InlineData("'x'.padEnd(1e8).length", "Invalid string length")]
    [InlineData("new Array(900000).join('xx').length", "Invalid string length")]
    [InlineData("/^(a+)+$/.test('a'.repeat(5000) + 'b')", "a regular expression ran longer than allowed")]
    [InlineData("var s = 'x'.repeat(900000); s + s", "the result is longer than 1000000 characters")]
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
        incident.Message.Should().StartWith("JavaScript failed:").And.MatchRegex(expected);

        // The engine is still usable afterwards.
        var next = await _harness.StartAsync("sequence-order");
        next.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task A_cancelled_burst_stops_a_running_script_without_an_incident()
    {
        // No other limit may stop the loop first: on a quiet core Jint ran the default 10 million statements within 300 ms.
        var evaluators = ExpressionEvaluators.CreateDefault(new JavaScriptOptions { Timeout = TimeSpan.FromMinutes(5), MaxStatements = int.MaxValue });
        var scope = new StubScope(WorkflowHarness.Load("sequence-order"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var evaluate = async () => await evaluators.EvaluateAsync("JavaScript", JsonValue.Create("while (true) {}"), typeof(object), scope, cancellationToken: cancel.Token);

        await evaluate.Should().ThrowAsync<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the engine checks the token between statements, long before its 5-minute timeout");
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
