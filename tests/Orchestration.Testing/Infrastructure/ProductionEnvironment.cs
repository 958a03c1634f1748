using Orchestration.Testing.Hosting;

namespace Orchestration.Testing.Infrastructure;

/// <summary>A fresh PostgreSQL database and RabbitMQ virtual host, and the environment a production host needs for them.</summary>
public sealed class ProductionEnvironment : IAsyncDisposable
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";

    private ProductionEnvironment(TestDatabase database, TestVirtualHost virtualHost)
    {
        Database = database;
        VirtualHost = virtualHost;
    }

    public TestDatabase Database { get; }

    public TestVirtualHost VirtualHost { get; }

    public static async Task<ProductionEnvironment> CreateAsync() =>
        new(await PostgresServer.CreateDatabaseAsync(), await RabbitMqServer.CreateVirtualHostAsync());

    /// <summary>The settings of a production host; without a port it listens on one the OS picks (see HostProcess).</summary>
    public Dictionary<string, string> Variables(int? port = null) => new()
    {
        ["Orchestration__Profile"] = "Production",
        ["ConnectionStrings__Orchestration"] = Database.ConnectionString,
        ["ConnectionStrings__RabbitMq"] = VirtualHost.AmqpUri.ToString(),
        ["Auth__SigningKey"] = SigningKey,
        ["Urls"] = $"http://127.0.0.1:{port ?? 0}",
    };

    /// <summary>Runs the host's create-api-key command against this environment and returns the key.</summary>
    public async Task<string> CreateApiKeyAsync(string role = "Admin")
    {
        await using var command = HostProcess.Start(Path.GetTempPath(), Variables(), "create-api-key", "--name", $"test-{role}", "--role", role);
        var exit = await command.WaitForExitAsync(TimeSpan.FromSeconds(90));
        if (exit != 0)
        {
            throw new InvalidOperationException($"create-api-key exited with {exit}: {command.AllOutput}");
        }

        return command.StandardOutput.Single(l => l.StartsWith("orc_", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}
