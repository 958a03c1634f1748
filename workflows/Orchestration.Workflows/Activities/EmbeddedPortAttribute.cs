namespace Orchestration.Workflows.Activities;

/// <summary>A property of the node JSON that holds a child activity (a loop's <c>body</c>, an If's <c>then</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class EmbeddedPortAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public string? DisplayName { get; init; }
}
