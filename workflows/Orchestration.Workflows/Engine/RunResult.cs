using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Engine;

/// <summary>The outcome of one burst: the instance state to save, the journal lines written and the executions touched.</summary>
public sealed record RunResult(
    WorkflowState State,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<ActivityExecutionState> Executions,
    IReadOnlyList<PendingEvent> Events)
{
    /// <summary>Child instances that ran inline in this burst (ExecuteWorkflow); saved with it.</summary>
    public IReadOnlyList<RunResult> Children { get; init; } = [];

    /// <summary>Workflows to start once this burst is saved (DispatchWorkflow).</summary>
    public IReadOnlyList<PendingDispatch> Dispatches { get; init; } = [];

    /// <summary>Messages sent in this burst; saved to the outbox with it.</summary>
    public IReadOnlyList<OutgoingMessage> Messages { get; init; } = [];
}
