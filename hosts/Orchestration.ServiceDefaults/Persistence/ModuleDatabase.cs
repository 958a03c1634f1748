namespace Orchestration.ServiceDefaults.Persistence;

/// <summary>A module's DbContext as registered with the host: migrated at start and checked by /health/ready.</summary>
public sealed record ModuleDatabase(Type ContextType, string Schema);
