using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Fluid;
using Orchestration.Workflows.Expressions.Liquid;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Expressions;

/// <summary>
/// Liquid through Fluid (ELSA-SEMANTICS.md §6.2): the model has <c>Variables</c>, <c>Input</c>,
/// <c>CorrelationId</c>, <c>WorkflowInstanceId</c>, <c>WorkflowDefinitionId</c> and <c>WorkflowDefinitionVersion</c>.
/// As in Elsa, a template that does not parse renders the parse error instead of failing. Unlike Elsa, a render
/// is bounded in steps, range size, output length and time (<see cref="LiquidOptions"/>) and honours cancellation.
/// </summary>
public sealed class LiquidEvaluator : IExpressionEvaluator
{
    private const int CacheLimit = 2_000;
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly LiquidOptions _limits;
    private readonly TemplateOptions _options;
    private readonly BoundedRangeRewriter _rangeRewriter;

    public LiquidEvaluator()
        : this(new LiquidOptions())
    {
    }

    public LiquidEvaluator(LiquidOptions limits)
    {
        _limits = limits;
        _options = new TemplateOptions { MaxSteps = limits.MaxSteps, MaxRecursion = limits.MaxRecursion };
        _options.MemberAccessStrategy = new DefaultMemberAccessStrategy();
        _options.MemberAccessStrategy.Register<Dictionary<string, object?>>();
        _rangeRewriter = new BoundedRangeRewriter(limits.MaxRangeSize);
    }

    public string Syntax => "Liquid";

    public async ValueTask<JsonNode?> EvaluateAsync(JsonNode? expression, Type targetType, IExpressionScope scope, ExpressionOptions options, CancellationToken cancellationToken)
    {
        var source = expression?.ToString() ?? "";
        if (!_templates.TryGetValue(source, out var template))
        {
            if (!Parser.TryParse(source, out var parsed, out var error))
            {
                return JsonValue.Create(error);
            }

            if (_templates.Count >= CacheLimit)
            {
                _templates.Clear();
            }

            template = _rangeRewriter.VisitTemplate(parsed);
            _templates[source] = template;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_limits.Timeout);
        var context = new TemplateContext(Model(scope), _options) { MaxSteps = _limits.MaxSteps };
        // Fluid checks no token; an assignment is where a loop without output still passes through us.
        context.Assigned = (_, value, _) =>
        {
            deadline.Token.ThrowIfCancellationRequested();
            return ValueTask.FromResult(value);
        };
        var output = new BoundedTextWriter(_limits.MaxOutputLength, deadline.Token);
        try
        {
            await template.RenderAsync(output, NullEncoder.Default, context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new ExpressionException($"Liquid failed: the template ran longer than {_limits.Timeout.TotalSeconds:0.###} s.", ex);
        }
        catch (LiquidLimitException ex)
        {
            throw new ExpressionException($"Liquid failed: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex) when (ex.Source == typeof(TemplateContext).Assembly.GetName().Name)
        {
            // Fluid reports its step and recursion limits with one message about recursion; say both.
            throw new ExpressionException($"Liquid failed: the template ran more than {_limits.MaxSteps} steps or nested deeper than {_limits.MaxRecursion} levels.", ex);
        }

        return JsonValue.Create(output.ToString());
    }

    private static Dictionary<string, object?> Model(IExpressionScope scope)
    {
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

        return new Dictionary<string, object?>
        {
            ["Variables"] = variables,
            ["Input"] = input,
            ["CorrelationId"] = scope.Workflow.CorrelationId,
            ["WorkflowInstanceId"] = scope.Workflow.Id,
            ["WorkflowDefinitionId"] = scope.Workflow.DefinitionId,
            ["WorkflowDefinitionVersionId"] = scope.Workflow.DefinitionVersionId,
            ["WorkflowDefinitionVersion"] = scope.Workflow.DefinitionVersion,
        };
    }
}
