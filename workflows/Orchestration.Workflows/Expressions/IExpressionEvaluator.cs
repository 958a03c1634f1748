using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Expressions;

/// <summary>One expression syntax (Literal, Object, JavaScript, Liquid, …); the result is converted to the input's type afterwards.</summary>
public interface IExpressionEvaluator
{
    string Syntax { get; }

    ValueTask<JsonNode?> EvaluateAsync(JsonNode? expression, Type targetType, IExpressionScope scope, ExpressionOptions options, CancellationToken cancellationToken);
}
