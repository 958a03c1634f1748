using Npgsql;

namespace Orchestration.Testing.Infrastructure;

/// <summary>
/// The real PostgreSQL that <c>deploy/local/infra.sh up</c> starts. Each caller gets a database of its own, so
/// test projects running side by side never see each other's rows. There is no substitute: when the server is
/// missing, the test fails and says how to start it.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "ORCHESTRATION_TEST_POSTGRES";

    private const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Database=orchestration;Username=orchestration;Password=orchestration;Timeout=5";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}"[..20];
        await using var connection = await OpenAdminAsync();
        await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public static async Task DropDatabaseAsync(string name)
    {
        await using var connection = await OpenAdminAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            var where = new NpgsqlConnectionStringBuilder(AdminConnectionString);
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at {where.Host}:{where.Port} as '{where.Username}' ({ex.Message}). " +
                $"Start it with 'deploy/local/infra.sh up' (as root) or set {EnvironmentVariable}.", ex);
        }
    }
}
