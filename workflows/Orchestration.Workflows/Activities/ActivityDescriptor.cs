namespace Orchestration.Workflows.Activities;

/// <summary>An activity type: what Studio's toolbox and property panels show, and how the engine makes one.</summary>
public sealed record ActivityDescriptor(
    string TypeName,
    string Namespace,
    string Name,
    int Version,
    string Category,
    string DisplayName,
    string? Description,
    ActivityKind Kind,
    bool IsContainer,
    bool IsBrowsable,
    bool IsStart,
    bool IsTerminal,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<PortDescriptor> Ports,
    Func<Activity> Create)
{
    /// <summary>For a workflow used as an activity: the definition it runs (Studio copies it onto the dropped node).</summary>
    public string? WorkflowDefinitionId { get; init; }

    /// <summary>For a workflow used as an activity: the version this descriptor stands for.</summary>
    public string? WorkflowDefinitionVersionId { get; init; }

    public InputDescriptor? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    public OutputDescriptor? FindOutput(string name) =>
        Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
}
