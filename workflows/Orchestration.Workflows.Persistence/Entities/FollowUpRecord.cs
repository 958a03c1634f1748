namespace Orchestration.Workflows.Persistence.Entities;

/// <summary>
/// Work a burst set off (an event it published, a workflow it dispatched, a parent to resume, children to cancel),
/// written in the burst's transaction and carried out afterwards, with retries, so a crash after the commit loses
/// none of it. Deleted once done; after too many failures it stays, <see cref="IsDead"/>, for an operator.
/// </summary>
public sealed class FollowUpRecord
{
    public required Guid Id { get; init; }

    public required string Kind { get; init; }

    /// <summary>The instance whose burst caused it.</summary>
    public required string SourceInstanceId { get; init; }

    /// <summary>What to do, as JSON (see <c>FollowUpKinds</c>): ids and the event payload only.</summary>
    public required string Payload { get; init; }

    /// <summary>How many follow-ups led to this one; a chain that is too long looks like a loop and is cut.</summary>
    public int Depth { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it may be tried (again); until then the node that wrote it, or that claimed it, owns it.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public bool IsDead { get; set; }
}
