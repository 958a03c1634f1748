using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Workflows.Activities;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Expressions;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests;

/// <summary>Runs conformance workflows from Workflows/*.json with a fake clock and captured WriteLine output.</summary>
internal sealed class WorkflowHarness
{
    public WorkflowHarness(JavaScriptOptions? javaScript = null, LiquidOptions? liquid = null, IWorkflowDefinitionResolver? definitions = null,
        ActivityRegistry? registry = null, int maxCallDepth = 16)
    {
        Registry = registry ?? ActivityRegistry.CreateDefault();
        Runner = new WorkflowRunner(Registry, ExpressionEvaluators.CreateDefault(javaScript, liquid),
            new WorkflowRunnerOptions { Time = Time, TextOutput = Output, Definitions = definitions, MaxCallDepth = maxCallDepth });
    }

    public ActivityRegistry Registry { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public CapturedOutput Output { get; } = new();

    public WorkflowRunner Runner { get; }

    public static JsonObject LoadJson(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", name + ".json")))!;

    public static WorkflowDefinition Load(string name) => WorkflowDefinitionReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", name + ".json")));

    public Task<RunResult> StartAsync(WorkflowDefinition definition, JsonObject? input = null, string? correlationId = null) =>
        Runner.StartAsync(definition, new StartWorkflowOptions { Input = input, CorrelationId = correlationId });

    public Task<RunResult> StartAsync(string name, JsonObject? input = null) => StartAsync(Load(name), input);

    public Task<RunResult> ResumeAsync(WorkflowDefinition definition, WorkflowState state, string bookmarkName, JsonObject? input = null) =>
        Runner.ResumeAsync(definition, state, state.Bookmarks.Single(b => b.Name == bookmarkName).Id, input);

    public IReadOnlyList<string> Lines => Output.Lines;

    internal sealed class CapturedOutput : IWorkflowTextOutput
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string workflowInstanceId, string text) => Lines.Add(text);
    }
}
