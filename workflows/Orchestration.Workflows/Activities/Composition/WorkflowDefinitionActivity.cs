using System.Text.Json.Nodes;
using Orchestration.Workflows.Engine;

namespace Orchestration.Workflows.Activities.Composition;

/// <summary>
/// A published workflow used as an activity (ELSA-SEMANTICS.md §4): it runs inside this instance; its inputs are
/// what the child's getInput finds first, its SetOutput calls fill this activity's outputs, and a Complete inside
/// it picks the outcome port (else Done). Not registered by attribute: descriptors come from the definitions.
/// </summary>
public sealed class WorkflowDefinitionActivity : Activity
{
    private const string OutcomesKey = "completeOutcomes";
    private const string RunsDefinitionKey = "workflowDefinitionId";

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var definitionId = context.Node.Json["workflowDefinitionId"]?.ToString()
            ?? throw new InvalidOperationException($"Activity '{context.Node.Id}' does not say which workflow it runs (workflowDefinitionId).");
        var versionId = context.Node.Json["workflowDefinitionVersionId"]?.ToString();
        context.Properties[RunsDefinitionKey] = definitionId;
        EnsureNestingWithinLimit(context, definitionId);
        var resolver = context.DefinitionResolver
            ?? throw new InvalidOperationException("This engine cannot run workflows as activities: no definition resolver is configured.");
        var definition = await resolver.FindVersionAsync(definitionId, versionId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Could not find workflow definition with ID '{definitionId}'.");

        var inputs = new JsonObject();
        foreach (var input in definition.Inputs)
        {
            if (context.Node.Property(input.Name) is JsonObject { } wrapped && wrapped["expression"] is JsonObject expression)
            {
                var type = Values.TypeAliases.Resolve(input.Type, input.IsArray) ?? typeof(object);
                inputs[input.Name] = Values.ValueConverter.ToNode(await context.EvaluateExpressionAsync(expression, type));
            }
        }

        context.Properties[WorkflowExecution.CompositeInputsKey] = inputs;
        context.Properties[WorkflowExecution.CompositeOutputsKey] = new JsonObject();
        context.ScheduleEmbeddedWorkflow(definition);
    }

    /// <summary>
    /// A workflow that uses itself as an activity, directly or through others (W1 → W2 → W1), would embed itself
    /// forever inside one burst: past the configured depth the activity faults with the chain in its incident.
    /// </summary>
    private static void EnsureNestingWithinLimit(ActivityContext context, string definitionId)
    {
        var chain = context.Ancestors.Select(a => a.Properties[RunsDefinitionKey]?.ToString()).OfType<string>().Reverse().Append(definitionId).ToList();
        var depth = context.Workflow.CallDepth + chain.Count;
        var max = context.MaxCallDepth;
        if (depth > max)
        {
            throw new NestingLimitException(
                $"Workflows run inside each other more than {max} levels deep ({string.Join(" → ", chain.TakeLast(4))}); is a workflow using itself as an activity?");
        }
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        context.SetOutputs(context.Properties[WorkflowExecution.CompositeOutputsKey] as JsonObject ?? []);
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

        context.Properties[OutcomesKey] = new JsonArray(complete.Outcomes.Select(o => (JsonNode?)o).ToArray());
        return true;
    }
}
