using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Engine;

/// <summary>Faults, incidents and the instance status at the end of a burst (ELSA-SEMANTICS.md §1.5, §8).</summary>
internal sealed partial class WorkflowExecution
{
    /// <summary>
    /// An exception outside any activity (loading what the instance runs, the engine itself): a workflow-level
    /// incident and journal entry, and the instance faults (ELSA-SEMANTICS.md §8).
    /// </summary>
    private void FaultWorkflow(Exception exception)
    {
        var workflow = Definition.WorkflowNode;
        var now = Time.GetUtcNow();
        var state = ExceptionState.From(exception);
        State.Incidents.Add(new Incident(WorkflowIds.New(), workflow.Id, workflow.NodeId, workflow.Type, State.Id, exception.Message, state, now));
        Journal.Add(new JournalEntry(WorkflowIds.New(), State.Id, State.Id, null, workflow.Id, workflow.Type, workflow.Version, workflow.Name, Definition.Id,
            now, ++State.JournalSequence, "Faulted", exception.Message, null, null));
        _queue.Clear();
        MarkFinished(WorkflowSubStatus.Faulted);
    }

    /// <summary>An activity threw: journal, incident, fault counts, then the incident strategy (default: the instance faults).</summary>
    private void Fault(ActivityExecutionState execution, Exception exception)
    {
        var message = exception.Message;
        execution.Status = ActivityStatus.Faulted;
        execution.Exception = ExceptionState.From(exception);
        Write(execution, "Faulted", message);
        State.Incidents.Add(new Incident(WorkflowIds.New(), execution.ActivityId, execution.NodeId, execution.ActivityType, execution.Id,
            message, execution.Exception, Time.GetUtcNow()));
        for (var current = execution; current is not null; current = current.ParentId is { } p ? _executions.GetValueOrDefault(p) : null)
        {
            current.AggregateFaultCount++;
            Touch(current);
        }

        var strategy = Definition.Options["incidentStrategyType"]?.ToString();
        if (strategy is null || !strategy.Contains("Continue", StringComparison.OrdinalIgnoreCase))
        {
            MarkFinished(WorkflowSubStatus.Faulted);
        }
    }

    private void MarkFinished(WorkflowSubStatus subStatus)
    {
        if (IsFinished)
        {
            return;
        }

        State.Status = WorkflowStatus.Finished;
        State.SubStatus = subStatus;
        State.FinishedAt = Time.GetUtcNow();
    }

    /// <summary>
    /// Status after the burst (ELSA-SEMANTICS.md §1.5), then drops finished executions and the values of
    /// variables without a storage driver, which therefore come back as their defaults after a resume.
    /// </summary>
    private void EndBurst()
    {
        if (!IsFinished && _queue.Count > 0)
        {
            // Stopped at the burst limits: the rest is kept for a continuation, with every variable (the run goes on).
            State.PendingWork.AddRange(_queue.Select(w => new PendingWorkItem(w.ExecutionId, w.Bookmark, w.Input)));
            _queue.Clear();
            State.SubStatus = WorkflowSubStatus.Executing;
            State.UpdatedAt = Time.GetUtcNow();
            State.Executions.RemoveAll(e => e.Status is ActivityStatus.Completed or ActivityStatus.Canceled);
            return;
        }

        State.ActivitiesInRun = 0;
        if (!IsFinished)
        {
            if (State.Executions.All(e => e.Status is ActivityStatus.Completed or ActivityStatus.Canceled))
            {
                MarkFinished(WorkflowSubStatus.Finished);
            }
            else
            {
                State.SubStatus = WorkflowSubStatus.Suspended;
            }
        }

        State.UpdatedAt = Time.GetUtcNow();
        State.Executions.RemoveAll(e => e.Status is ActivityStatus.Completed or ActivityStatus.Canceled);
        foreach (var execution in State.Executions)
        {
            foreach (var variable in DeclaredVariables(execution).Where(v => !v.IsPersistent))
            {
                execution.Variables.Remove(variable.Id);
            }
        }
    }
}
