namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>
/// One version of a workflow definition. <see cref="Data"/> holds the Elsa 3 definition JSON exactly as saved,
/// so that properties we do not model survive a round trip; the columns beside it are what queries filter on.
/// </summary>
public sealed class WorkflowDefinitionRecord
{
    /// <summary>The version id (Elsa's <c>id</c>), unique per version.</summary>
    public required string Id { get; init; }

    /// <summary>Stable across versions (Elsa's <c>definitionId</c>).</summary>
    public required string DefinitionId { get; init; }

    public int Version { get; init; }

    public required string Name { get; set; }

    public bool IsLatest { get; set; }

    public bool IsPublished { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string Data { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
