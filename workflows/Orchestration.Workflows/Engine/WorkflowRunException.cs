namespace Orchestration.Workflows.Engine;

/// <summary>A request the engine cannot honour (resume a finished instance, an unknown bookmark, …); nothing changed.</summary>
public sealed class WorkflowRunException(string message) : Exception(message);
