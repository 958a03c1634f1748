namespace Orchestration.FollowUps.Domain;

/// <summary>One move of a due date by a social secretary, kept with its reason (DOMAIN.md §5).</summary>
public sealed class DeadlineMove
{
    public Guid Id { get; init; }

    public Guid DeadlineId { get; init; }

    public DateOnly FromDueOn { get; init; }

    /// <summary>The date asked for; <see cref="ToDueOn"/> differs when it was not a working day.</summary>
    public DateOnly RequestedOn { get; init; }

    public DateOnly ToDueOn { get; init; }

    public required string Reason { get; init; }

    public required string MovedBy { get; init; }

    public DateTimeOffset MovedAt { get; init; }
}
