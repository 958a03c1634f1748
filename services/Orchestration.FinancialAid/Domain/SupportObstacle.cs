namespace Orchestration.FinancialAid.Domain;

/// <summary>The person's support obstacle as the social secretary recorded it; a later record replaces it as current.</summary>
public sealed class SupportObstacle
{
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public SupportObstacleCategory Category { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}
