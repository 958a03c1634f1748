using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// Contention between two writers of one instance: a concurrency conflict, or a lock not granted in time. Nothing of
/// the failed attempt was committed, so it may simply be tried again; it is never a server error or a fault.
/// </summary>
public static class Contention
{
    /// <summary>Conflict (someone else changed the row: read again), Busy (a lock was not granted: retry shortly), or null.</summary>
    public static ContentionKind? Classify(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => ContentionKind.Conflict,
        // The instance lock (advisory lock) was not granted within its timeout.
        TimeoutException => ContentionKind.Busy,
        // Serialization failure, deadlock, lock not available.
        PostgresException { SqlState: "40001" or "40P01" or "55P03" } => ContentionKind.Busy,
        // SQLITE_BUSY, SQLITE_LOCKED.
        SqliteException { SqliteErrorCode: 5 or 6 } => ContentionKind.Busy,
        DbUpdateException { InnerException: { } inner } => Classify(inner),
        _ => null,
    };

    /// <summary>
    /// Runs <paramref name="attempt"/> until it gets through contention, waiting a growing, jittered delay between
    /// tries (two writers that collided do not collide again in step); other exceptions, and contention that outlasts
    /// <paramref name="attempts"/> tries, go to the caller.
    /// </summary>
    public static async Task RetryAsync(Func<CancellationToken, Task> attempt, int attempts, TimeSpan baseDelay, TimeProvider time,
        CancellationToken cancellationToken)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                await attempt(cancellationToken);
                return;
            }
            catch (Exception ex) when (tried < attempts && Classify(ex) is not null && !cancellationToken.IsCancellationRequested)
            {
                var delay = baseDelay * Math.Min(tried, 8) * (0.5 + Random.Shared.NextDouble());
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }
}

public enum ContentionKind
{
    Conflict,
    Busy,
}
