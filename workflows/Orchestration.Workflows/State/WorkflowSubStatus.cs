namespace Orchestration.Workflows.State;

/// <summary>Pending, Executing and Suspended mean Running; the others mean Finished (ELSA-SEMANTICS.md §1.5).</summary>
public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}
