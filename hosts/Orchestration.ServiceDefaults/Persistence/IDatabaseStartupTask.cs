namespace Orchestration.ServiceDefaults.Persistence;

/// <summary>Work that needs the migrated schema at start (seeding, safety checks); runs once per host start.</summary>
public interface IDatabaseStartupTask
{
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}
