using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Engine;

/// <summary>An event a burst published (PublishEvent); the runtime delivers it after the burst is saved, as Elsa dispatches it.</summary>
public sealed record PendingEvent(string EventName, string? CorrelationId, string? WorkflowInstanceId, JsonNode? Payload);
