namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>Makes sure one instance runs on one node at a time.</summary>
public interface IWorkflowInstanceLock
{
    ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken);
}
