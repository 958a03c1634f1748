namespace Orchestration.Workflows.Activities;

/// <summary>
/// An activity input: the property is set from the node's JSON before the activity runs. Wrapped inputs hold an
/// expression (<c>{typeName, expression}</c>); unwrapped ones are plain JSON (FlowSwitch cases, enum modes).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public string? UIHint { get; init; }

    public bool IsWrapped { get; init; } = true;

    public string? DefaultSyntax { get; init; }

    public int Order { get; init; }

    public string? Category { get; init; }

    /// <summary>Evaluated by the activity itself when it needs it (a loop's condition), not before it runs.</summary>
    public bool EvaluatedByActivity { get; init; }

    /// <summary>Publishing refuses a definition where this input is missing or blank.</summary>
    public bool IsRequired { get; init; }

    /// <summary>Not recorded in the activity state shown to process owners.</summary>
    public bool IsSensitive { get; init; }

    /// <summary>Items of a dropdown (enum names are used when omitted for enum properties).</summary>
    public string[]? Options { get; init; }
}
