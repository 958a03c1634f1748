namespace Orchestration.Workflows.Engine;

/// <summary>
/// Something the host provides to a burst (the definition store, a database) could not be reached. It is not the
/// workflow's fault and must not fault the instance: the engine lets it through, the burst is abandoned unsaved,
/// and whatever triggered it (a message, a follow-up, a request) is retried once the host can reach it again.
/// </summary>
public sealed class WorkflowInfrastructureException(string message, Exception innerException) : Exception(message, innerException);
