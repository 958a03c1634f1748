using Orchestration.ServiceDefaults.Hosting;
using RabbitMQ.Client;

namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>
/// One lazily opened RabbitMQ connection for the readiness check, separate from MassTransit's own. A failed or
/// closed connection is replaced on the next check, so readiness recovers after the broker comes back.
/// </summary>
public sealed class RabbitMqConnectionProvider(HostSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is { IsOpen: true })
            {
                return _connection;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            var factory = new ConnectionFactory
            {
                Uri = settings.RabbitMqUri ?? throw new InvalidOperationException("RabbitMQ is not configured in this profile."),
                ClientProvidedName = "orchestration-health",
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                AutomaticRecoveryEnabled = true,
            };
            _connection = await factory.CreateConnectionAsync();
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
