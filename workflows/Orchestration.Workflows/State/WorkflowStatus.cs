namespace Orchestration.Workflows.State;

public enum WorkflowStatus
{
    Running,
    Finished,
}
