namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>The validated settings every module reads instead of parsing configuration itself.</summary>
public sealed record HostSettings(
    OrchestrationProfile Profile,
    string DataFolder,
    DatabaseProvider DatabaseProvider,
    string DatabaseConnectionString,
    Uri? RabbitMqUri,
    bool MigrateOnStart)
{
    public bool IsEmbedded => Profile == OrchestrationProfile.Embedded;
}
