using Orchestration.Workflows.Model;

namespace Orchestration.Workflows.Activities.Primitives;

/// <summary>The implicit activity that runs a definition: it owns the root and completes with the root (or Complete's outcomes).</summary>
[Activity("Elsa", "Workflow", Category = "Workflows", IsBrowsable = false, IsContainer = true)]
public sealed class WorkflowActivity : Activity
{
    private const string OutcomesKey = "completeOutcomes";

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.Node.EmbeddedActivity("root") is { } root)
        {
            context.ScheduleChild(root);
        }
        else
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        var outcomes = context.Properties[OutcomesKey]?.AsArray().Select(o => o!.ToString()).ToArray();
        context.Complete(outcomes ?? ["Done"]);
        return ValueTask.CompletedTask;
    }

    public override bool OnSignal(ActivityContext context, ActivitySignal signal)
    {
        if (signal is not CompleteCompositeSignal complete)
        {
            return false;
        }

        context.Properties[OutcomesKey] = new System.Text.Json.Nodes.JsonArray(complete.Outcomes.Select(o => (System.Text.Json.Nodes.JsonNode?)o).ToArray());
        return true;
    }

    internal static bool IsWorkflow(ActivityNode node) => node.Type == WorkflowDefinition.WorkflowType;
}
