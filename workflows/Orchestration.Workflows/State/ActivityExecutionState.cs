using System.Text.Json.Nodes;

namespace Orchestration.Workflows.State;

/// <summary>
/// One execution of an activity node (Elsa's activity execution context): a loop's body runs in a new one per
/// iteration; a resume reuses it. Containers keep their progress in <see cref="Properties"/>.
/// </summary>
public sealed class ActivityExecutionState
{
    public required string Id { get; init; }

    public string? ParentId { get; init; }

    public required string NodeId { get; init; }

    /// <summary>The definition version the node belongs to when it is not the instance's own (a workflow used as an activity).</summary>
    public string? DefinitionVersionId { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityType { get; init; }

    public int ActivityTypeVersion { get; init; } = 1;

    public string? ActivityName { get; init; }

    public ActivityStatus Status { get; set; } = ActivityStatus.Pending;

    /// <summary>Container progress (flow counters, loop index) and scheduling metadata; persisted.</summary>
    public JsonObject Properties { get; init; } = [];

    /// <summary>Variables declared by this execution, by variable id.</summary>
    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Evaluated inputs of the last run (shown in Studio's details panel).</summary>
    public JsonObject ActivityState { get; set; } = [];

    public JsonObject Outputs { get; set; } = [];

    public List<string> Outcomes { get; set; } = [];

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int AggregateFaultCount { get; set; }

    public ExceptionState? Exception { get; set; }

    /// <summary>The execution whose completion scheduled this one (the predecessor in a flowchart, else the owner).</summary>
    public string? SchedulingExecutionId { get; init; }
}
