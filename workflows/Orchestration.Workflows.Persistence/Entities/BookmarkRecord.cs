namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>A bookmark, indexed by hash (stimulus matching) and due time (timers); the copy in the instance state is the truth.</summary>
public sealed class BookmarkRecord
{
    public required string Id { get; init; }

    public required string WorkflowInstanceId { get; init; }

    public required string Name { get; init; }

    public required string Hash { get; init; }

    public string? CorrelationId { get; init; }

    public required string ActivityInstanceId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ResumeAt { get; init; }
}
