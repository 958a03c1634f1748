using Orchestration.Contracts.Referrals;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Jobbtorg.Domain;

/// <summary>
/// Jobbtorg's own record of a referral from a district (remiss till Jobbtorg or Jobbtorg Resurs). It knows the person
/// only by the opaque person id: never a personnummer or a name.
/// </summary>
public sealed class JobbtorgReferral : IVersionedCase
{
    public Guid Id { get; init; }

    /// <summary>The district's referral (the financial-aid application id) that every message carries.</summary>
    public Guid ReferralId { get; init; }

    public Guid PersonId { get; init; }

    /// <summary>The referring district (lowercase); its social secretary may read a re-referral's reason.</summary>
    public required string District { get; init; }

    public JobbtorgUnit Unit { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public ReferralStatus Status { get; set; }

    public InitialMappingPart2? Intake { get; set; }

    public FiaJobPart? FiaJobPart { get; set; }

    public ResursIntake? ResursIntake { get; set; }

    public List<JobbtorgIntervention> Interventions { get; init; } = [];

    public ReReferral? ReReferral { get; set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsClosed => Status == ReferralStatus.ReReferred;

    /// <summary>Jobbtorg has met the person: the first visit or the Resurs intake is recorded.</summary>
    public bool IsTakenIn => Intake is not null || ResursIntake is not null;

    /// <summary>Every change takes a new version, so two caseworkers saving at once cannot both win.</summary>
    public void NewVersion() => Version = Guid.NewGuid();
}
