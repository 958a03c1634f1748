using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Expressions;

/// <summary>A literal: the value as written, a string ("True", "4", "00:00:05") or native JSON, converted to the input's type.</summary>
public sealed class LiteralEvaluator : IExpressionEvaluator
{
    public string Syntax => "Literal";

    public ValueTask<JsonNode?> EvaluateAsync(JsonNode? expression, Type targetType, IExpressionScope scope, ExpressionOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult(expression?.DeepClone());
}
