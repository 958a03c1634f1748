using Microsoft.Data.Sqlite;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>A fresh database for engine nodes: a PostgreSQL database of its own, or an embedded SQLite file.</summary>
internal sealed class EngineDatabase : IAsyncDisposable
{
    private readonly TestDatabase? _postgres;
    private readonly string? _sqliteFile;

    private EngineDatabase(DatabaseProvider provider, string connectionString, TestDatabase? postgres, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgres = postgres;
        _sqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<EngineDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            var database = await PostgresServer.CreateDatabaseAsync();
            return new EngineDatabase(provider, database.ConnectionString, database, null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"orchestration-engine-{Guid.NewGuid():N}.db");
        return new EngineDatabase(provider, $"Data Source={file}", null, file);
    }

    public Task<EngineNode> StartNodeAsync(TimeProvider? time = null) => EngineNode.StartAsync(ConnectionString, time, provider: Provider);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }
}
