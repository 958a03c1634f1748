namespace Orchestration.Workflows.Activities.Flow;

public enum FlowJoinMode
{
    /// <summary>Every inbound branch arrived and was taken.</summary>
    WaitAll,

    /// <summary>Every inbound branch arrived; at least one of the latest was taken.</summary>
    WaitAllActive,

    /// <summary>The first branch that arrives; the others are cancelled.</summary>
    WaitAny,
}
