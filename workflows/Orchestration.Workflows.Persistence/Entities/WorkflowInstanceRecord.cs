namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>An instance: queryable columns beside the full <see cref="State"/> JSON the engine continues from.</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required string DefinitionVersionId { get; init; }

    public int Version { get; init; }

    public required string Status { get; set; }

    public required string SubStatus { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>The instance that dispatched or executed this one; indexed so that cancelling a parent finds its children.</summary>
    public string? ParentInstanceId { get; set; }

    public string? Name { get; set; }

    /// <summary>The district whose case this is; null for instances no district's case started (seen by process owners and admins only).</summary>
    public string? District { get; set; }

    public int IncidentCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public required string State { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
