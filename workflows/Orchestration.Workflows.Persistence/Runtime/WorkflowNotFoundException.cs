namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>No definition version can be run for the request (unknown id, nothing published).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);
