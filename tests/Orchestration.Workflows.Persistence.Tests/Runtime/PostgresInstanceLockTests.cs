using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Persistence.Runtime;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// The instance lock is a PostgreSQL advisory lock on a session of its own. When that session dies under a burst
/// (PostgreSQL restarts), the lock is gone with it: releasing must not fail the burst that already committed, or the
/// message that carried it would be redelivered for work that is done.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PostgresInstanceLockTests
{
    [Fact]
    public async Task A_lock_whose_session_was_killed_releases_without_error_and_can_be_taken_again()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var locks = new PostgresInstanceLock(database.ConnectionString, NullLogger<PostgresInstanceLock>.Instance);
        var held = await locks.AcquireAsync("instance-1", CancellationToken.None);

        var killed = await TerminateAdvisoryLockSessionsAsync(database);
        var release = async () => await held.DisposeAsync();

        killed.Should().Be(1, "one session held the instance's lock");
        await release.Should().NotThrowAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var again = await locks.AcquireAsync("instance-1", bound.Token);
        again.Should().NotBeNull();
    }

    private static async Task<int> TerminateAdvisoryLockSessionsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND database = " +
            "(SELECT oid FROM pg_database WHERE datname = current_database()) AND pid <> pg_backend_pid()", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
