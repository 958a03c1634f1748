namespace Orchestration.FinancialAid.Domain;

/// <summary>An application for financial aid in a district: the start of the referral process.</summary>
public sealed class AidApplication
{
    public Guid Id { get; init; }

    public Guid PersonId { get; init; }

    public required string District { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The social secretary (user name) who registered it.</summary>
    public required string RegisteredBy { get; init; }

    public Guid Version { get; set; }
}
