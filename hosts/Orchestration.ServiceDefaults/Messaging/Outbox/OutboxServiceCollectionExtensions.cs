using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestration.ServiceDefaults.Observability;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>Runs a dispatcher for a module's outbox; the module's context must call AddOutboxAndInbox in its model.</summary>
    public static IServiceCollection AddModuleOutbox<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PrivacyCapture>();
        services.AddSingleton<OutboxDispatcher<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TContext>>());
        return services;
    }
}
