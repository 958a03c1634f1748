namespace Orchestration.FinancialAid.Domain;

/// <summary>An aid decision (beslut om bistånd) with its validity period; validity is a project decision (DOMAIN.md §3).</summary>
public sealed class AidDecision
{
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public DateOnly ValidFrom { get; init; }

    public DateOnly ValidTo { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    public required string DecidedBy { get; init; }
}
