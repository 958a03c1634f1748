using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Expressions;

/// <summary>A Variable expression: the value is a variable reference (JSON text or object with id/name).</summary>
public sealed class VariableEvaluator : IExpressionEvaluator
{
    public string Syntax => "Variable";

    public ValueTask<JsonNode?> EvaluateAsync(JsonNode? expression, Type targetType, IExpressionScope scope, ExpressionOptions options, CancellationToken cancellationToken)
    {
        var reference = expression is JsonValue v && v.TryGetValue<string>(out var text) && text.TrimStart().StartsWith('{')
            ? JsonNode.Parse(text)
            : expression;
        var key = reference switch
        {
            JsonObject o => o["id"]?.ToString() ?? o["name"]?.ToString(),
            JsonValue s => s.ToString(),
            _ => null,
        };
        return ValueTask.FromResult(key is not null && scope.TryGetVariable(key, out var value) ? value?.DeepClone() : null);
    }
}
