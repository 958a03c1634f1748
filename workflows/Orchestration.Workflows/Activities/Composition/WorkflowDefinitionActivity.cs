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

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var definitionId = context.Node.Json["workflowDefinitionId"]?.ToString()
            ?? throw new InvalidOperationException($"Activity '{context.Node.Id}' does not say which workflow it runs (workflowDefinitionId).");
        var versionId = context.Node.Json["workflowDefinitionVersionId"]?.ToString();
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
