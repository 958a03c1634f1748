namespace Orchestration.Contracts.Jobbtorg.Events;

/// <summary>Jobbtorg Resurs took the person in; the district intervention overlaps until TransferOn.</summary>
public sealed record ResursIntakeCompleted(Guid ReferralId, Guid JobbtorgReferralId, DateOnly TransferOn, DateTimeOffset CompletedAt);
