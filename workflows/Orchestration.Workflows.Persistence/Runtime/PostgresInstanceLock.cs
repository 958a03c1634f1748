using Medallion.Threading.Postgres;
using Microsoft.Extensions.Logging;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>A PostgreSQL advisory lock per instance: holds across every host sharing the database.</summary>
public sealed partial class PostgresInstanceLock(string connectionString, ILogger<PostgresInstanceLock> logger) : IWorkflowInstanceLock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        var key = new PostgresAdvisoryLockKey($"workflow-instance:{instanceId}", allowHashing: true);
        return new Held(await new PostgresDistributedLock(key, connectionString).AcquireAsync(Timeout, cancellationToken), instanceId, logger);
    }

    /// <summary>
    /// An advisory lock lives as long as its session. When the release fails, the session is gone (PostgreSQL
    /// restarted, the connection broke) and the lock with it; the burst under it committed or rolled back on its
    /// own connection already. Failing the caller then would only make it redo work that is done.
    /// </summary>
    private sealed class Held(IAsyncDisposable handle, string instanceId, ILogger logger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await handle.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReleaseFailed(logger, instanceId, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lock of instance {InstanceId} could not be released; its session is gone, and the lock with it")]
    private static partial void LogReleaseFailed(ILogger logger, string instanceId, Exception exception);
}
