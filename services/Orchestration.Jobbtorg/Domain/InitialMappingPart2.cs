namespace Orchestration.Jobbtorg.Domain;

/// <summary>
/// Initial mapping part 2 (initial kartläggning del 2): education and job seeking, recorded at the first Jobbtorg
/// visit (DOMAIN.md §3 step 3b). The fields are a project decision; the seeds give only the areas.
/// </summary>
public sealed class InitialMappingPart2
{
    public Guid JobbtorgReferralId { get; init; }

    public EducationLevel HighestEducation { get; init; }

    public SwedishLevel SwedishLevel { get; init; }

    /// <summary>Whole years since the person last had paid work; null when they never have.</summary>
    public int? YearsSinceLastWork { get; init; }

    public JobSeekingStatus JobSeeking { get; init; }

    /// <summary>Inskriven på Arbetsförmedlingen.</summary>
    public bool RegisteredWithArbetsformedlingen { get; init; }

    /// <summary>Körkort (B).</summary>
    public bool HasDrivingLicence { get; init; }

    /// <summary>The coach's free text: shown in the API only, never logged, never in a message.</summary>
    public string? Notes { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public required string CompletedBy { get; init; }
}
