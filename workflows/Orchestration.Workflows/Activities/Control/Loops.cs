using System.Text.Json.Nodes;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Activities.Control;

/// <summary>What the loops share: Break handling (the innermost loop stops the signal) and the per-iteration variables.</summary>
internal static class Loops
{
    private const string BreakingKey = "breaking";

    public static bool IsBreaking(ActivityContext context) => (bool?)context.Properties[BreakingKey] == true;

    /// <summary>Marks the loop as breaking; true stops the signal here (loops), false lets it go on (Sequence, Fork).</summary>
    public static bool OnBreak(ActivityContext context, ActivitySignal signal, bool stopsSignal)
    {
        if (signal is not BreakSignal)
        {
            return false;
        }

        context.Properties[BreakingKey] = true;
        return stopsSignal;
    }

    public static Dictionary<string, JsonNode?> IterationVariables(object? item, int index) => new()
    {
        ["CurrentValue"] = ValueConverter.ToNode(item),
        ["CurrentIndex"] = index,
    };
}
