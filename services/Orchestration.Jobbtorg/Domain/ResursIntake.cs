namespace Orchestration.Jobbtorg.Domain;

/// <summary>
/// Jobbtorg Resurs took the person in. The district intervention overlaps until <see cref="PlannedTransferOn"/>
/// (the overlap before a transfer, DOMAIN.md §6), so the person is never without an intervention.
/// </summary>
public sealed class ResursIntake
{
    public Guid JobbtorgReferralId { get; init; }

    public DateOnly PlannedTransferOn { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public required string CompletedBy { get; init; }
}
