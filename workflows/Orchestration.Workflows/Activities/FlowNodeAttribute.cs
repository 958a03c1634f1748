namespace Orchestration.Workflows.Activities;

/// <summary>The outcome ports an activity shows on the flowchart canvas (default: <c>Done</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FlowNodeAttribute(params string[] ports) : Attribute
{
    public IReadOnlyList<string> Ports { get; } = ports;
}
