using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Engine;

/// <summary>A workflow a burst dispatched (DispatchWorkflow); the runtime starts it after the burst is saved.</summary>
public sealed record PendingDispatch(string DefinitionId, string InstanceId, string ParentInstanceId, string? CorrelationId, JsonObject Input);
