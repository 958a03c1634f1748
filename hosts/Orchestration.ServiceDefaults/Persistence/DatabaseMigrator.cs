using System.Diagnostics;
using System.Net.Sockets;
using Hangfire.PostgreSql;
using Medallion.Threading.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Observability;

namespace Orchestration.ServiceDefaults.Persistence;

/// <summary>
/// Applies every module's EF Core migrations and, in production, Hangfire's schema. On PostgreSQL one advisory lock
/// covers all of it, so that any number of hosts starting together migrate once, one after another.
/// </summary>
public sealed class DatabaseMigrator(
    IServiceProvider services,
    IEnumerable<ModuleDatabase> databases,
    HostSettings settings,
    ILogger<DatabaseMigrator> logger)
{
    /// <summary>The schema Hangfire.PostgreSql keeps its jobs in (production profile).</summary>
    public const string HangfireSchema = "hangfire";

    private static readonly PostgresAdvisoryLockKey MigrationLock = new("orchestration-migrations", allowHashing: true);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (settings.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.DataFolder);
            await UseWriteAheadLogAsync(cancellationToken);
            await MigrateModulesAsync(cancellationToken);
            return;
        }

        var migrationLock = new PostgresDistributedLock(MigrationLock, settings.DatabaseConnectionString);
        await using var held = await Guard(() => migrationLock.AcquireAsync(TimeSpan.FromMinutes(5), cancellationToken).AsTask());
        await MigrateModulesAsync(cancellationToken);
        await Guard(async () =>
        {
            await using var connection = new NpgsqlConnection(settings.DatabaseConnectionString);
            await connection.OpenAsync(cancellationToken);
            PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);
        });
    }

    /// <summary>
    /// Every module writes the one SQLite file, and each outbox dispatcher writes while requests read and write: in
    /// the default rollback journal a writer meeting a reader fails with "database is locked". The write-ahead log
    /// lets readers and one writer work together; the setting stays with the file.
    /// </summary>
    private async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(settings.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task MigrateModulesAsync(CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            using var activity = Telemetry.Source.StartActivity($"migrate {database.Schema}");
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var started = Stopwatch.GetTimestamp();
            await Guard(async () =>
            {
                var pending = await PendingMigrationsAsync(context, cancellationToken);
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migration(s) to {Schema}", pending.Count, database.Schema);
                    // With the history table in place first, EF Core does not log a failed query for it on a fresh schema.
                    await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                    await context.Database.MigrateAsync(cancellationToken);
                }
            });
            logger.LogInformation("Schema {Schema} is up to date ({ElapsedMs} ms)", database.Schema,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Used when migrations at start are switched off: a host must not run on an outdated schema.</summary>
    public async Task EnsureUpToDateAsync(CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var pending = await Guard(() => PendingMigrationsAsync(context, cancellationToken));
            if (pending.Any())
            {
                throw new HostConfigurationException(SettingNames.MigrateOnStart,
                    $"schema '{database.Schema}' has pending migrations and migrations at start are off; run the host with the 'migrate' command first.");
            }
        }
    }

    /// <summary>
    /// Asking EF Core for pending migrations before the history table exists logs a failed SQL command at Error
    /// level; a fresh schema has every migration pending, so ask only when the table is there.
    /// </summary>
    private static async Task<List<string>> PendingMigrationsAsync(DbContext context, CancellationToken cancellationToken)
    {
        var history = context.GetService<IHistoryRepository>();
        return await history.ExistsAsync(cancellationToken)
            ? (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
            : context.Database.GetMigrations().ToList();
    }

    /// <summary>Turns "cannot reach or log in to the database" into one line naming the setting.</summary>
    private Task Guard(Func<Task> action) => Guard(async () =>
    {
        await action();
        return true;
    });

    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException
                                      or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException
                                   && ex is not HostConfigurationException)
        {
            var where = settings.DatabaseProvider == DatabaseProvider.PostgreSql
                ? DescribePostgres(settings.DatabaseConnectionString)
                : $"SQLite file under {settings.DataFolder}";
            throw new HostConfigurationException(SettingNames.Database,
                $"cannot use the database ({where}): {ex.GetBaseException().Message}", ex);
        }
    }

    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL at {builder.Host}:{builder.Port}, database '{builder.Database}', user '{builder.Username}'";
    }
}
