namespace Orchestration.Workflows.Activities;

public enum ActivityKind
{
    Action,
    Trigger,
    Job,
    Task,
}
