namespace Orchestration.Workflows.Engine;

/// <summary>
/// How much one burst may do before it stops and leaves the rest as <see cref="State.WorkflowState.PendingWork"/> for a
/// continuation, and the ceiling past which a run that never waits is a runaway and faults. Null: no limit (the
/// in-memory engine); the stored runtime sets them from <c>Workflows:Runtime</c>.
/// </summary>
public sealed record BurstLimits
{
    /// <summary>Activities one burst runs before it commits and continues in a new one.</summary>
    public int? MaxActivitiesPerBurst { get; init; }

    /// <summary>Time one burst runs (measured on the injected clock) before it commits and continues in a new one.</summary>
    public TimeSpan? MaxBurstDuration { get; init; }

    /// <summary>Activities a run may take across its continuations without waiting for anything; past it the instance faults.</summary>
    public long? MaxActivitiesPerRun { get; init; }
}
