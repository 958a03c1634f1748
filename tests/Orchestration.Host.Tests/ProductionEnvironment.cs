using Orchestration.Testing.Infrastructure;

namespace Orchestration.Host.Tests;

/// <summary>A fresh PostgreSQL database and RabbitMQ virtual host, and the environment a production host needs for them.</summary>
internal sealed class ProductionEnvironment : IAsyncDisposable
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

    public Dictionary<string, string> Variables(int port) => new()
    {
        ["Orchestration__Profile"] = "Production",
        ["ConnectionStrings__Orchestration"] = Database.ConnectionString,
        ["ConnectionStrings__RabbitMq"] = VirtualHost.AmqpUri.ToString(),
        ["Auth__SigningKey"] = SigningKey,
        ["Urls"] = $"http://127.0.0.1:{port}",
    };

    public async ValueTask DisposeAsync()
    {
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}
