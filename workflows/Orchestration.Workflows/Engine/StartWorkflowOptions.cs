using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Engine;

public sealed record StartWorkflowOptions
{
    public string? InstanceId { get; init; }

    public string? CorrelationId { get; init; }

    public JsonObject? Input { get; init; }

    /// <summary>Instance properties, e.g. <c>Flowchart:ExecutionMode = TokenBased</c>.</summary>
    public JsonObject? Properties { get; init; }

    public string? TriggerActivityId { get; init; }

    public string? ParentInstanceId { get; init; }

    /// <summary>The district whose case this instance runs; set by the messaging bridge from the starting event, never by a caller.</summary>
    public string? District { get; init; }

    /// <summary>How many workflows above this one started it inline.</summary>
    public int CallDepth { get; init; }
}
