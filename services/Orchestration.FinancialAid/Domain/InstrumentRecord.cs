namespace Orchestration.FinancialAid.Domain;

/// <summary>
/// One completed instrument of a referral, its answers kept as JSON: the field design is the project's own
/// (DOMAIN.md §7) and changes more often than the steps do. One per referral and instrument.
/// </summary>
public sealed class InstrumentRecord
{
    public Guid Id { get; init; }

    public Guid ApplicationId { get; init; }

    public Instrument Instrument { get; init; }

    public required string Answers { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}
