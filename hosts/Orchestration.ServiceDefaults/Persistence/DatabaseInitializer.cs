using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.ServiceDefaults.Persistence;

/// <summary>
/// Runs before the web server starts listening: migrations (unless switched off), then the startup tasks.
/// A failure stops the host, which reports it in one line.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, HostSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        if (settings.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        else
        {
            await migrator.EnsureUpToDateAsync(cancellationToken);
        }

        foreach (var task in services.GetServices<IDatabaseStartupTask>())
        {
            await task.RunAsync(services, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
