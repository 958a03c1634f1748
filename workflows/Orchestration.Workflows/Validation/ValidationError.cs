namespace Orchestration.Workflows.Validation;

/// <summary>One problem of a definition; <see cref="ActivityId"/> names the activity at fault (null for the whole workflow).</summary>
public sealed record ValidationError(string? ActivityId, string Message)
{
    public override string ToString() => ActivityId is null ? Message : $"{ActivityId}: {Message}";
}
