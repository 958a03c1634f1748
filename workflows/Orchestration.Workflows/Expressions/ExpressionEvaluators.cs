using System.Text.Json.Nodes;
using Orchestration.Workflows.Values;

namespace Orchestration.Workflows.Expressions;

/// <summary>Evaluates a wrapped input's <c>{type, value}</c> expression with the syntax it names and converts the result.</summary>
public sealed class ExpressionEvaluators
{
    private readonly Dictionary<string, IExpressionEvaluator> _bySyntax;

    public ExpressionEvaluators(IEnumerable<IExpressionEvaluator> evaluators)
    {
        _bySyntax = evaluators.ToDictionary(e => e.Syntax, StringComparer.OrdinalIgnoreCase);
    }

    public static ExpressionEvaluators CreateDefault(JavaScriptOptions? javaScript = null, LiquidOptions? liquid = null) => new(
    [
        new LiteralEvaluator(),
        new ObjectEvaluator(),
        new ObjectEvaluator("Json"),
        new VariableEvaluator(),
        new JavaScriptEvaluator(javaScript ?? new JavaScriptOptions()),
        new LiquidEvaluator(liquid ?? new LiquidOptions()),
    ]);

    public IReadOnlyCollection<string> Syntaxes => _bySyntax.Keys;

    public bool Supports(string syntax) => _bySyntax.ContainsKey(syntax);

    public async ValueTask<JsonNode?> EvaluateAsync(string syntax, JsonNode? value, Type targetType, IExpressionScope scope,
        ExpressionOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!_bySyntax.TryGetValue(syntax, out var evaluator))
        {
            throw new ExpressionException($"Unknown expression type '{syntax}'; supported: {string.Join(", ", _bySyntax.Keys)}.");
        }

        return await evaluator.EvaluateAsync(value, targetType, scope, options ?? ExpressionOptions.None, cancellationToken);
    }

    /// <summary>Evaluates and converts to <paramref name="targetType"/> with Elsa's non-strict rules.</summary>
    public async ValueTask<object?> EvaluateToAsync(string syntax, JsonNode? value, Type targetType, IExpressionScope scope,
        ExpressionOptions? options = null, CancellationToken cancellationToken = default) =>
        ValueConverter.ConvertTo(await EvaluateAsync(syntax, value, targetType, scope, options, cancellationToken), targetType);
}
