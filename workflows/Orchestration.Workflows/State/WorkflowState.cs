using System.Text.Json.Nodes;

namespace Orchestration.Workflows.State;

/// <summary>Everything needed to continue an instance later, on any node; serialised as JSON with the instance.</summary>
public sealed class WorkflowState
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required string DefinitionVersionId { get; init; }

    public int DefinitionVersion { get; init; }

    public string? CorrelationId { get; set; }

    public string? Name { get; set; }

    /// <summary>The trigger that started this instance; its flowchart starts there (ELSA-SEMANTICS.md §2.1).</summary>
    public string? TriggerActivityId { get; init; }

    public string? ParentInstanceId { get; init; }

    /// <summary>The district whose case this is (from the event that started it, inherited by child workflows); scopes who may read the instance.</summary>
    public string? District { get; init; }

    public int CallDepth { get; init; }

    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;

    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;

    public JsonObject Input { get; init; } = [];

    public JsonObject Output { get; init; } = [];

    public JsonObject Properties { get; init; } = [];

    public List<ActivityExecutionState> Executions { get; init; } = [];

    public List<Bookmark> Bookmarks { get; init; } = [];

    public List<Incident> Incidents { get; init; } = [];

    /// <summary>Work a burst left at its limits, for the continuation burst (empty when the instance waits or finished).</summary>
    public List<PendingWorkItem> PendingWork { get; init; } = [];

    /// <summary>
    /// Activities run since the instance last waited for a stimulus, counted across continuations; the runaway ceiling
    /// (<c>BurstLimits.MaxActivitiesPerRun</c>) applies to it.
    /// </summary>
    public long ActivitiesInRun { get; set; }

    /// <summary>The last journal sequence number written; continues across bursts.</summary>
    public long JournalSequence { get; set; }

    /// <summary>Outputs recorded per activity id, for getOutputFrom / getLastResult.</summary>
    public JsonObject ActivityOutputs { get; init; } = [];

    public string? LastResultActivityId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
