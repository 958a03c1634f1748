using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.ServiceDefaults.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's DbContext: <typeparamref name="TContext"/> resolves to the SQLite or PostgreSQL
    /// subclass chosen by the host's profile, which is migrated at start and checked by the readiness probe.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqliteContext, TPostgresContext>(
        this IServiceCollection services, string schema)
        where TContext : ModuleDbContext
        where TSqliteContext : TContext
        where TPostgresContext : TContext
    {
        services.TryAddSingleton<OutboxSignal>();
        // Pooled: a scope leases a context that was built before and reset when its last scope ended (change tracker
        // emptied, transaction disposed, connection closed, settings back to the options'), instead of constructing
        // one and its internal services for every request, message and burst. The options are built once per host
        // (they depend only on singletons). Module contexts hold no state of their own beyond what EF Core resets.
        services.AddDbContextPool<TSqliteContext>((sp, options) => Configure(options, sp, schema));
        services.AddDbContextPool<TPostgresContext>((sp, options) => Configure(options, sp, schema));
        services.AddScoped<TContext>(sp => sp.GetRequiredService<HostSettings>().DatabaseProvider == DatabaseProvider.Sqlite
            ? sp.GetRequiredService<TSqliteContext>()
            : sp.GetRequiredService<TPostgresContext>());
        services.AddSingleton(new ModuleDatabase(typeof(TContext), schema));
        services.AddHealthChecks().AddDbContextCheck<TContext>($"database-{schema}", HealthStatus.Unhealthy, [HealthTags.Ready]);
        return services;
    }

    /// <summary>Provider options shared by the host and the design-time factories that generate migrations.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider,
        string connectionString, string schema) => provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
                sqlite => sqlite.MigrationsHistoryTable($"{schema}_migrations_history")),
            _ => options.UseNpgsql(connectionString,
                npgsql => npgsql.MigrationsHistoryTable("migrations_history", schema)),
        };

    private static void Configure(DbContextOptionsBuilder options, IServiceProvider services, string schema)
    {
        var settings = services.GetRequiredService<HostSettings>();
        Configure(options, settings.DatabaseProvider, settings.DatabaseConnectionString, schema);
        options.AddInterceptors(new OutboxSaveChangesInterceptor(services.GetRequiredService<OutboxSignal>()));
    }
}
