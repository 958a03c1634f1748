using System.Text.Json.Nodes;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Activities.Primitives;

/// <summary>Sets a variable found by id in scope (an embedded copy of the variable object also works, as in old files).</summary>
[Activity("Elsa", "SetVariable", Category = "Primitives", DisplayName = "Set Variable", Description = "Assign a value to a workflow variable.")]
public sealed class SetVariable : CodeActivity
{
    [Input(Description = "The variable to assign.", UIHint = "variable-picker", IsWrapped = false)]
    public JsonNode? Variable { get; set; }

    [Input(Description = "The value to assign.")]
    public object? Value { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var key = Variable switch
        {
            JsonObject o => o["id"]?.ToString() ?? o["name"]?.ToString(),
            JsonValue v => v.ToString(),
            _ => null,
        };
        if (string.IsNullOrEmpty(key) || !context.TryGetVariable(key, out _))
        {
            throw new InvalidOperationException($"Variable '{key}' not found.");
        }

        context.SetVariable(key, ValueConverter.ToNode(Value));
        return ValueTask.CompletedTask;
    }
}
