using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Fluid;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Expressions;

/// <summary>
/// Liquid through Fluid (ELSA-SEMANTICS.md §6.2): the model has <c>Variables</c>, <c>Input</c>,
/// <c>CorrelationId</c>, <c>WorkflowInstanceId</c>, <c>WorkflowDefinitionId</c> and <c>WorkflowDefinitionVersion</c>.
/// As in Elsa, a template that does not parse renders the parse error instead of failing.
/// </summary>
public sealed class LiquidEvaluator : IExpressionEvaluator
{
    private const int CacheLimit = 2_000;
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Templates = new(StringComparer.Ordinal);
    private static readonly TemplateOptions Options = CreateOptions();

    public string Syntax => "Liquid";

    public async ValueTask<JsonNode?> EvaluateAsync(JsonNode? expression, Type targetType, IExpressionScope scope, ExpressionOptions options, CancellationToken cancellationToken)
    {
        var source = expression?.ToString() ?? "";
        if (!Templates.TryGetValue(source, out var template))
        {
            if (!Parser.TryParse(source, out template, out var error))
            {
                return JsonValue.Create(error);
            }

            if (Templates.Count >= CacheLimit)
            {
                Templates.Clear();
            }

            Templates[source] = template;
        }

        var variables = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in scope.VisibleVariables().Reverse())
        {
            variables[name] = ValueConverter.ToPlain(value);
        }

        var input = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in scope.Workflow.Input)
        {
            input[name] = ValueConverter.ToPlain(value);
        }

        var model = new Dictionary<string, object?>
        {
            ["Variables"] = variables,
            ["Input"] = input,
            ["CorrelationId"] = scope.Workflow.CorrelationId,
            ["WorkflowInstanceId"] = scope.Workflow.Id,
            ["WorkflowDefinitionId"] = scope.Workflow.DefinitionId,
            ["WorkflowDefinitionVersionId"] = scope.Workflow.DefinitionVersionId,
            ["WorkflowDefinitionVersion"] = scope.Workflow.DefinitionVersion,
        };
        var context = new TemplateContext(model, Options);
        return JsonValue.Create(await template.RenderAsync(context));
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy = new DefaultMemberAccessStrategy();
        options.MemberAccessStrategy.Register<Dictionary<string, object?>>();
        return options;
    }
}
