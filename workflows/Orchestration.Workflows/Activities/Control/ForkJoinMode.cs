namespace Orchestration.Workflows.Activities.Control;

public enum ForkJoinMode
{
    WaitAll,
    WaitAny,
}
