namespace Orchestration.Workflows.Serialization;

/// <summary>The text is not a workflow definition we can read (not JSON, no root activity, …).</summary>
public sealed class WorkflowFormatException(string message, Exception? inner = null) : Exception(message, inner);
