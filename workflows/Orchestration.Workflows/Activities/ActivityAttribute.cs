namespace Orchestration.Workflows.Activities;

/// <summary>Names an activity class in Elsa's terms: type name = <c>{Namespace}.{Name}</c>, e.g. <c>Elsa.WriteLine</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string @namespace, string name) : Attribute
{
    public string Namespace { get; } = @namespace;

    public string Name { get; } = name;

    public string TypeName => $"{Namespace}.{Name}";

    public int Version { get; init; } = 1;

    public string Category { get; init; } = "Miscellaneous";

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public ActivityKind Kind { get; init; } = ActivityKind.Action;

    public bool IsBrowsable { get; init; } = true;

    public bool IsContainer { get; init; }

    public bool IsStart { get; init; }

    /// <summary>Completes its flowchart (End, Break, Complete, Finish): no outbound port.</summary>
    public bool IsTerminal { get; init; }
}
