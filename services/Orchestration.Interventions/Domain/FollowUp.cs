namespace Orchestration.Interventions.Domain;

/// <summary>
/// A follow-up of a started intervention (DOMAIN.md §5, §6): attendance, work ability, the person's own view, goal
/// progress, the readiness checklist and the social secretary's judgment. Only the judgment leaves the module.
/// </summary>
public sealed class FollowUp
{
    public Guid Id { get; init; }

    public Guid InterventionReferralId { get; init; }

    public DateOnly HeldOn { get; init; }

    /// <summary>Närvaro: share of the planned time the person attended, 0–100.</summary>
    public int? AttendancePercent { get; init; }

    public string? AttendanceNote { get; init; }

    public required WorkAbility WorkAbility { get; init; }

    /// <summary>Den enskildes egen uppfattning.</summary>
    public string? IndividualView { get; init; }

    public IReadOnlyList<GoalProgress> Goals { get; init; } = [];

    /// <summary>Every item of the checklist as it stood, unanswered ones as Unknown. Not an AND gate: the judgment decides.</summary>
    public IReadOnlyList<ReadinessAnswer> Readiness { get; init; } = [];

    /// <summary>The social secretary's judgment: ready to be transferred to Jobbtorg Resurs.</summary>
    public bool ReadyForJobbtorgResurs { get; init; }

    public string? JudgmentNote { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}
