namespace Orchestration.Workflows.Activities.Primitives;

/// <summary>Faults on purpose: an incident with this message, handled by the incident strategy.</summary>
[Activity("Elsa", "Fault", Category = "Primitives", Description = "Fault the workflow with a message.")]
public sealed class Fault : Activity
{
    [Input(Description = "An error code.")]
    public string? Code { get; set; } = "0";

    [Input(Description = "The category of the fault.")]
    public string? Category { get; set; } = "General";

    [Input(DisplayName = "Fault type", Description = "The type of the fault.")]
    public string? FaultType { get; set; } = "System";

    [Input(Description = "What went wrong.", IsRequired = true)]
    public string? Message { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context) =>
        throw new WorkflowFaultException(Code ?? "0", Category ?? "General", FaultType ?? "System", Message ?? "The workflow faulted.");
}
