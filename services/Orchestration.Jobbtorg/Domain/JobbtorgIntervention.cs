namespace Orchestration.Jobbtorg.Domain;

/// <summary>
/// A Jobbtorg intervention (insats), of a kind from the editable list (Jobbtorg's offer). Several may follow one
/// another on a referral, and any may run in parallel with a district intervention. Its referral changes its state.
/// </summary>
public sealed class JobbtorgIntervention
{
    public Guid Id { get; init; }

    public Guid JobbtorgReferralId { get; init; }

    /// <summary>A code of the <see cref="CodeList.InterventionKind"/> list.</summary>
    public required string Kind { get; init; }

    public DateOnly? PlannedStartOn { get; init; }

    public InterventionState State { get; private set; } = InterventionState.Booked;

    public DateTimeOffset BookedAt { get; init; }

    public required string BookedBy { get; init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>True when completed (genomförd), false when broken off (avbruten); null until it ends.</summary>
    public bool? Completed { get; private set; }

    internal void Start(DateTimeOffset now)
    {
        State = InterventionState.Started;
        StartedAt = now;
    }

    internal void End(bool completed, DateTimeOffset now)
    {
        State = InterventionState.Ended;
        EndedAt = now;
        Completed = completed;
    }

    internal void Cancel() => State = InterventionState.Cancelled;
}
