namespace Orchestration.Jobbtorg.Domain;

/// <summary>
/// The education and job-seeking part of FIA (Förutsättningar Inför Arbete), which Jobbtorg "främst" does
/// (DOMAIN.md §7). The social and health part belongs to the financial-aid module.
/// </summary>
public sealed class FiaJobPart
{
    public Guid JobbtorgReferralId { get; init; }

    public WorkGoal Goal { get; init; }

    /// <summary>Education or a foreign qualification that should be validated (validering).</summary>
    public bool NeedsValidation { get; init; }

    /// <summary>Free text: API only, never logged, never in a message.</summary>
    public string? Notes { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public required string CompletedBy { get; init; }
}
