using Orchestration.Contracts.Referrals;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Interventions.Domain;

/// <summary>
/// A person's referral to a district intervention (DOMAIN.md §3 "Starting a district intervention"). It belongs to
/// the person's district even when the place is bought from another district. Keeps the opaque person id only.
/// </summary>
public sealed class InterventionReferral : IVersionedCase
{
    public Guid Id { get; init; }

    /// <summary>The referral (= financial-aid application) this intervention referral serves.</summary>
    public Guid ReferralId { get; init; }

    public Guid PersonId { get; init; }

    /// <summary>The person's district, whose caseworkers handle the referral.</summary>
    public required string District { get; init; }

    public ReferralState State { get; set; }

    public DateTimeOffset OpenedAt { get; init; }

    public Guid? InterventionId { get; set; }

    /// <summary>The catalogue name when the place was chosen.</summary>
    public string? InterventionName { get; set; }

    public string? ProviderDistrict { get; set; }

    /// <summary>The catalogue's price per place when the place was chosen.</summary>
    public decimal? PricePerPlace { get; set; }

    /// <summary>The place is bought from another district.</summary>
    public bool PlaceBought { get; set; }

    /// <summary>The catalogue entry asked for an aid decision when the place was chosen.</summary>
    public bool AidDecisionRequired { get; set; }

    public DateTimeOffset? ChosenAt { get; set; }

    public string? ChosenBy { get; set; }

    public Assignment? Assignment { get; set; }

    public WorkPlan? WorkPlan { get; set; }

    public ImplementationPlan? ImplementationPlan { get; set; }

    /// <summary>The aid decision (beslut om bistånd) behind the participation, e.g. its number in the case system.</summary>
    public string? AidDecisionReference { get; set; }

    public DateOnly? StartedOn { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public string? StartedBy { get; private set; }

    public bool TransferredToJobbtorgResurs { get; set; }

    public ClosureOutcome? Outcome { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public string? ClosingNote { get; set; }

    public List<ThreePartyTalk> Talks { get; init; } = [];

    public List<FollowUp> FollowUps { get; init; } = [];

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>
    /// Why the intervention cannot start now, or null: the place must be chosen and the assignment, the work plan and
    /// the implementation plan written (the missing ones are named); a started or closed referral does not start again.
    /// </summary>
    public StepRefusal? RefuseStart()
    {
        switch (State)
        {
            case ReferralState.Opened:
                return StepRefusal.OutOfOrder("Choose the intervention first.");
            case ReferralState.Started:
                return StepRefusal.Done($"The intervention started on {StartedOn:yyyy-MM-dd}.");
            case ReferralState.Closed:
                return StepRefusal.OutOfOrder($"The intervention referral {Id} is closed; nothing more is recorded on it.");
        }

        string?[] missing =
        [
            Assignment is null ? "the assignment (PUT .../assignment)" : null,
            WorkPlan is null ? "the work plan (PUT .../work-plan)" : null,
            ImplementationPlan is null ? "the implementation plan (PUT .../implementation-plan)" : null,
        ];
        return missing.Any(m => m is not null)
            ? StepRefusal.OutOfOrder($"Before the start, write {string.Join(", ", missing.OfType<string>())}.")
            : null;
    }

    /// <summary>
    /// The person starts the intervention; refused as <see cref="RefuseStart"/> says. An aid decision reference given
    /// now is kept; without one the start goes ahead (see <see cref="AidDecisionMissing"/>).
    /// </summary>
    public void Start(DateOnly startedOn, string? aidDecisionReference, DateTimeOffset now, string startedBy)
    {
        if (RefuseStart() is { } refused)
        {
            throw new InvalidOperationException(refused.Reason);
        }

        AidDecisionReference = aidDecisionReference ?? AidDecisionReference;
        StartedOn = startedOn;
        StartedAt = now;
        StartedBy = startedBy;
        State = ReferralState.Started;
    }

    /// <summary>Holds a place in its intervention: chosen or started, not closed.</summary>
    public bool HoldsPlace => InterventionId is not null && State != ReferralState.Closed;

    /// <summary>The intervention needs an aid decision and none is recorded: a warning, never a block.</summary>
    public bool AidDecisionMissing => AidDecisionRequired && AidDecisionReference is null;
}
