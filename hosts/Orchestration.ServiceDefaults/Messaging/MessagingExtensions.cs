using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>A module adds its consumers here; it never calls AddMassTransit itself.</summary>
    public static IServiceCollection AddModuleConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> configure)
    {
        services.AddSingleton(new ModuleBusContribution(configure));
        return services;
    }

    /// <summary>
    /// Registers an event consumer behind the inbox of the module's <typeparamref name="TContext"/>, as
    /// <see cref="CommandRoutes.AddCommandConsumer{TConsumer, TCommand, TContext}"/> does for commands: the consumer
    /// holds only its effect; a redelivery is skipped.
    /// </summary>
    public static IBusRegistrationConfigurator AddEventConsumer<TConsumer, TContext>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer
        where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        bus.AddConsumer<TConsumer>((_, consumer) => consumer.UseFilter(new Outbox.InboxFilter<TConsumer, TContext>(typeof(TConsumer).Name)));
        return bus;
    }

    /// <summary>
    /// The one bus of the host, called after every module has contributed: in-memory when embedded; RabbitMQ
    /// with quorum queues and publisher confirms in production. Failed messages retry with back-off, then land
    /// in the endpoint's <c>_error</c> queue with the exception.
    /// </summary>
    public static IServiceCollection AddMessageBus(this IServiceCollection services, HostSettings settings, MessageRetrySettings? retry = null)
    {
        retry ??= MessageRetrySettings.Default;
        var endpointNames = new ReceiveEndpointNames();
        services.AddSingleton(endpointNames);
        var contributions = services
            .Where(d => d.ServiceType == typeof(ModuleBusContribution))
            .Select(d => (ModuleBusContribution)d.ImplementationInstance!)
            .ToList();

        // Start-up waits for the bus: its queues and bindings exist before anything publishes, and readiness means it.
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConfigureEndpointsCallback((name, _) => endpointNames.Add(name));
            foreach (var contribution in contributions)
            {
                contribution.Configure(bus);
            }

            if (settings.IsEmbedded)
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageRetry(r => r.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.MinInterval));
                    cfg.ConfigureEndpoints(context);
                });
                return;
            }

            var uri = settings.RabbitMqUri!;
            bus.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(uri, host =>
                {
                    var (user, password) = Credentials(uri);
                    host.Username(user);
                    host.Password(password);
                    host.PublisherConfirmation = true;
                });
                cfg.UseMessageRetry(r => r.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.MinInterval));
                cfg.ConfigureEndpoints(context);
            });

            services.AddSingleton<RabbitMqConnectionProvider>();
            services.AddSingleton<ErrorQueues>();
            services.AddHealthChecks().AddRabbitMQ(
                sp => sp.GetRequiredService<RabbitMqConnectionProvider>().GetAsync(),
                name: "rabbitmq", failureStatus: HealthStatus.Unhealthy, tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(5));
        });
        return services;
    }

    private static (string User, string Password) Credentials(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
