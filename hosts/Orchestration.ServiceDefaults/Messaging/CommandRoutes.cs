using MassTransit;

namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>
/// Commands (contracts in a <c>…Commands</c> namespace) are sent, not published: each goes to the one queue named
/// after its type, which exactly one module consumes. The sender needs no knowledge of which host that is, and a
/// command sent before its consumer ever started waits in the queue instead of vanishing on an unbound exchange.
/// </summary>
public static class CommandRoutes
{
    public static bool IsCommand(Type messageType) =>
        messageType.Namespace?.EndsWith(".Commands", StringComparison.Ordinal) == true;

    /// <summary>The queue of a command type, e.g. <c>issue-jobbtorg-referral</c>.</summary>
    public static string QueueName(Type commandType) =>
        KebabCaseEndpointNameFormatter.Instance.SanitizeName(commandType.Name);

    public static Uri Address(Type commandType) => new($"queue:{QueueName(commandType)}");

    /// <summary>Registers the consumer of a command on the command's own queue.</summary>
    public static IBusRegistrationConfigurator AddCommandConsumer<TConsumer, TCommand>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer<TCommand>
        where TCommand : class
    {
        if (!IsCommand(typeof(TCommand)))
        {
            throw new InvalidOperationException($"{typeof(TCommand).FullName} is not in a Commands namespace; consume events with AddConsumer.");
        }

        bus.AddConsumer<TConsumer>().Endpoint(e => e.Name = QueueName(typeof(TCommand)));
        return bus;
    }

    /// <summary>Publishes an event, or sends a command to its queue.</summary>
    public static async Task DeliverAsync(this ISendEndpointProvider sender, IPublishEndpoint publisher, object message, Type messageType,
        Action<SendContext> configure, CancellationToken cancellationToken)
    {
        if (IsCommand(messageType))
        {
            var endpoint = await sender.GetSendEndpoint(Address(messageType));
            await endpoint.Send(message, messageType, configure, cancellationToken);
            return;
        }

        await publisher.Publish(message, messageType, configure, cancellationToken);
    }
}
