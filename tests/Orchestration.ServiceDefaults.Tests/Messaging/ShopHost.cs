using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.ServiceDefaults.Tests.Messaging;

/// <summary>A host with the shop module wired as every module is: its context, its outbox dispatcher, its consumer, the one bus.</summary>
internal sealed class ShopHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ShopHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public DeliveryProbe Probe => _host.Services.GetRequiredService<DeliveryProbe>();

    public static async Task<ShopHost> CreateAsync(ProductionEnvironment environment, bool start = true,
        Action<MassTransit.IBusRegistrationConfigurator>? moreConsumers = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var settings = new HostSettings(OrchestrationProfile.Production, Path.GetTempPath(), DatabaseProvider.PostgreSql,
            environment.Database.ConnectionString, environment.VirtualHost.AmqpUri, MigrateOnStart: true);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<DeliveryProbe>();
        builder.Services.AddSingleton<FaultSwitch>();
        builder.Services.AddSingleton<ShippingGate>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddDbContext<ShopDbContext>((sp, options) =>
        {
            PersistenceServiceCollectionExtensions.Configure(options, DatabaseProvider.PostgreSql, settings.DatabaseConnectionString, "shop");
            options.AddInterceptors(new OutboxSaveChangesInterceptor(sp.GetRequiredService<OutboxSignal>()));
        });
        builder.Services.AddModuleOutbox<ShopDbContext>();
        builder.Services.AddModuleConsumers(bus => bus.AddConsumer<OrderPlacedConsumer>());
        builder.Services.AddSingleton<StepLog>();
        if (moreConsumers is not null)
        {
            builder.Services.AddModuleConsumers(moreConsumers);
        }
        builder.Services.AddMessageBus(settings, new MessageRetrySettings(2, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)));
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // A test module: its schema comes from the model, not from migrations of its own.
            await scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.EnsureCreatedAsync();
        }

        if (start)
        {
            await host.StartAsync();
        }

        return new ShopHost(host);
    }

    /// <summary>An order and its OrderPlaced message, committed together.</summary>
    public async Task<Guid> PlaceOrderAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var order = new ShopOrder { Id = Guid.NewGuid() };
        db.Orders.Add(order);
        db.Stage(new OrderPlaced(order.Id), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return order.Id;
    }

    public async Task<T> QueryAsync<T>(Func<ShopDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ShopDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
