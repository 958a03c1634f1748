namespace Orchestration.Testing.Infrastructure;

/// <summary>A PostgreSQL database made for one fixture; dropped when disposed.</summary>
public sealed record TestDatabase(string Name, string ConnectionString) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.DropDatabaseAsync(Name);
}
