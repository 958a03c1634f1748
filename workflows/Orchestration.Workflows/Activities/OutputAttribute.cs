namespace Orchestration.Workflows.Activities;

/// <summary>An activity output: read after the activity runs, recorded, and written to a bound variable or workflow output.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }
}
