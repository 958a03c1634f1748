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

    /// <summary>A timer's due time; the sweep moves it on while it holds the row (lease) and after a failure (back-off).</summary>
    public DateTimeOffset? ResumeAt { get; set; }

    /// <summary>Failed attempts to resume this timer.</summary>
    public int TimerAttempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A timer that failed too often: no longer swept, listed for an operator (GET /elsa/api/runtime/dead).</summary>
    public bool IsDead { get; set; }
}
