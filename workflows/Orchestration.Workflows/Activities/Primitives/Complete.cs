using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Activities.Primitives;

/// <summary>Completes the nearest composite (the workflow, or a workflow used as an activity) with the given outcomes.</summary>
[Activity("Elsa", "Complete", Category = "Composition", Description = "Completes the workflow with outcomes.", IsTerminal = true)]
public sealed class Complete : Activity
{
    [Input(Description = "The outcome or outcomes to complete with.", UIHint = "outcome-picker", DefaultSyntax = "Object")]
    public JsonNode? Outcomes { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        string[] outcomes = Outcomes switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('[') => JsonNode.Parse(s)!.AsArray().Select(o => o!.ToString()).ToArray(),
            JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => [s],
            JsonArray a => a.Select(o => o?.ToString() ?? "").Where(o => o.Length > 0).ToArray(),
            _ => ["Done"],
        };
        context.Signal(new CompleteCompositeSignal(outcomes.Length == 0 ? ["Done"] : outcomes));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
