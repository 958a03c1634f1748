namespace Orchestration.Workflows.Activities.Primitives;

/// <summary>Thrown by the Fault activity; its message becomes the incident's message.</summary>
public sealed class WorkflowFaultException(string code, string category, string faultType, string message) : Exception(message)
{
    public string Code { get; } = code;

    public string Category { get; } = category;

    public string FaultType { get; } = faultType;
}
