using MassTransit;
using MassTransit.RabbitMqTransport;
using Microsoft.EntityFrameworkCore;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>
/// Commands (contracts in a <c>…Commands</c> namespace) are sent, not published: each goes to the endpoint named
/// after its type, which exactly one module consumes. The sender needs no knowledge of which host that is. It sends
/// to the endpoint's exchange, not its queue: declaring the queue from the sending side would clash with the
/// consumer's quorum queue. On RabbitMQ the send is mandatory, so a command whose consumer never started is
/// returned, the send fails, and the outbox keeps it until the queue exists.
/// </summary>
public static class CommandRoutes
{
    public static bool IsCommand(Type messageType) =>
        messageType.Namespace?.EndsWith(".Commands", StringComparison.Ordinal) == true;

    /// <summary>The queue of a command type, e.g. <c>issue-jobbtorg-referral</c>.</summary>
    public static string QueueName(Type commandType) =>
        KebabCaseEndpointNameFormatter.Instance.SanitizeName(commandType.Name);

    public static Uri Address(Type commandType) => new($"exchange:{QueueName(commandType)}");

    /// <summary>
    /// Registers the consumer of a command on the command's own queue, behind the inbox of the module's
    /// <typeparamref name="TContext"/>: the consumer holds only its effect and saves it; a redelivery is skipped.
    /// </summary>
    public static IBusRegistrationConfigurator AddCommandConsumer<TConsumer, TCommand, TContext>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer<TCommand>
        where TCommand : class
        where TContext : DbContext
    {
        if (!IsCommand(typeof(TCommand)))
        {
            throw new InvalidOperationException($"{typeof(TCommand).FullName} is not in a Commands namespace; consume events with AddConsumer.");
        }

        bus.AddConsumer<TConsumer>((_, consumer) => consumer.UseFilter(new InboxFilter<TConsumer, TContext>(typeof(TConsumer).Name)))
            .Endpoint(e => e.Name = QueueName(typeof(TCommand)));
        return bus;
    }

    /// <summary>Publishes an event, or sends a command to its queue.</summary>
    public static async Task DeliverAsync(this ISendEndpointProvider sender, IPublishEndpoint publisher, object message, Type messageType,
        Action<SendContext> configure, CancellationToken cancellationToken)
    {
        if (IsCommand(messageType))
        {
            var endpoint = await sender.GetSendEndpoint(Address(messageType));
            await endpoint.Send(message, messageType, context =>
            {
                configure(context);
                if (context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
                {
                    rabbit.Mandatory = true;
                }
            }, cancellationToken);
            return;
        }

        await publisher.Publish(message, messageType, configure, cancellationToken);
    }
}
