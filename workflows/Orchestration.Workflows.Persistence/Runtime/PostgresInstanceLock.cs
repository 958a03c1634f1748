using Medallion.Threading.Postgres;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>A PostgreSQL advisory lock per instance: holds across every host sharing the database.</summary>
public sealed class PostgresInstanceLock(string connectionString) : IWorkflowInstanceLock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        var key = new PostgresAdvisoryLockKey($"workflow-instance:{instanceId}", allowHashing: true);
        return await new PostgresDistributedLock(key, connectionString).AcquireAsync(Timeout, cancellationToken);
    }
}
