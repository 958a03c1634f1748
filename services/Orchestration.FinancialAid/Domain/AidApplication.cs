using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.FinancialAid.Domain;

/// <summary>
/// An application for financial aid in a district: the start of the referral process, and the case every step of
/// financial aid is recorded on. Its version changes on every saved step (<see cref="CaseSave"/>).
/// </summary>
public sealed class AidApplication : IVersionedCase
{
    public Guid Id { get; init; }

    public Guid PersonId { get; init; }

    public required string District { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The social secretary (user name) who registered it.</summary>
    public required string RegisteredBy { get; init; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();
}
