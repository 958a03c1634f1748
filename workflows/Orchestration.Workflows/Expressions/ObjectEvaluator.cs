using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Expressions;

/// <summary>An Object (or obsolete Json) expression: the value is JSON text; blank means null.</summary>
public sealed class ObjectEvaluator(string syntax = "Object") : IExpressionEvaluator
{
    public string Syntax { get; } = syntax;

    public ValueTask<JsonNode?> EvaluateAsync(JsonNode? expression, Type targetType, IExpressionScope scope, ExpressionOptions options, CancellationToken cancellationToken)
    {
        if (expression is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return ValueTask.FromResult<JsonNode?>(null);
            }

            try
            {
                return ValueTask.FromResult(JsonNode.Parse(text));
            }
            catch (JsonException ex)
            {
                throw new ExpressionException($"The Object expression is not valid JSON: {ex.Message}", ex);
            }
        }

        return ValueTask.FromResult(expression?.DeepClone());
    }
}
