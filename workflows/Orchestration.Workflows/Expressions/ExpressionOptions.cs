namespace Orchestration.Workflows.Expressions;

/// <summary>Extra globals for one evaluation (e.g. RunJavaScript's setOutcome) and a place to collect what they set.</summary>
public sealed class ExpressionOptions
{
    public static ExpressionOptions None => new();

    public List<string>? Outcomes { get; init; }
}
