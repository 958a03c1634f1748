namespace Orchestration.Testing.Infrastructure;

/// <summary>A RabbitMQ virtual host made for one fixture, with its AMQP URI; deleted when disposed.</summary>
public sealed record TestVirtualHost(string Name, Uri AmqpUri) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await RabbitMqServer.DeleteVirtualHostAsync(Name);
}
