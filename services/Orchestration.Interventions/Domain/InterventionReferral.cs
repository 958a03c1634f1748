using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.ServiceDefaults.Cases;

namespace Orchestration.Interventions.Domain;

/// <summary>
/// A person's referral to a district intervention (DOMAIN.md §3 "Starting a district intervention"). It belongs to
/// the person's district even when the place is bought from another district. Keeps the opaque person id only.
/// Every change goes through a method that checks its rule and, when it refuses, says why and changes nothing; a
/// change that others must hear of adds its event to <see cref="TakeAnnouncements"/>.
/// </summary>
public sealed class InterventionReferral : AnnouncingCase, IVersionedCase
{
    public Guid Id { get; private init; }

    /// <summary>The referral (= financial-aid application) this intervention referral serves.</summary>
    public Guid ReferralId { get; private init; }

    public Guid PersonId { get; private init; }

    /// <summary>The person's district, whose caseworkers handle the referral.</summary>
    public required string District { get; init; }

    public ReferralState State { get; private set; }

    public DateTimeOffset OpenedAt { get; private init; }

    public Guid? InterventionId { get; private set; }

    /// <summary>The catalogue name when the place was chosen.</summary>
    public string? InterventionName { get; private set; }

    public string? ProviderDistrict { get; private set; }

    /// <summary>The catalogue's price per place when the place was chosen.</summary>
    public decimal? PricePerPlace { get; private set; }

    /// <summary>The place is bought from another district.</summary>
    public bool PlaceBought { get; private set; }

    /// <summary>The catalogue entry asked for an aid decision when the place was chosen.</summary>
    public bool AidDecisionRequired { get; private set; }

    public DateTimeOffset? ChosenAt { get; private set; }

    public string? ChosenBy { get; private set; }

    public Assignment? Assignment { get; private set; }

    public WorkPlan? WorkPlan { get; private set; }

    public ImplementationPlan? ImplementationPlan { get; private set; }

    /// <summary>The aid decision (beslut om bistånd) behind the participation, e.g. its number in the case system.</summary>
    public string? AidDecisionReference { get; private set; }

    public DateOnly? StartedOn { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public string? StartedBy { get; private set; }

    /// <summary>The day the social secretary decided the transfer to Jobbtorg Resurs; the overlap runs from here.</summary>
    public DateOnly? TransferDecidedOn { get; private set; }

    public DateTimeOffset? TransferDecidedAt { get; private set; }

    public string? TransferDecidedBy { get; private set; }

    public string? TransferNote { get; private set; }

    /// <summary>Closed with ToJobbtorg after a decided transfer: the person went on to Jobbtorg Resurs.</summary>
    public bool TransferredToJobbtorgResurs { get; private set; }

    public ClosureOutcome? Outcome { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public string? ClosingNote { get; private set; }

    public List<ThreePartyTalk> Talks { get; private init; } = [];

    public List<FollowUp> FollowUps { get; private init; } = [];

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>Holds a place in its intervention: chosen or started, not closed.</summary>
    public bool HoldsPlace => InterventionId is not null && State != ReferralState.Closed;

    /// <summary>The intervention needs an aid decision and none is recorded: a warning, never a block.</summary>
    public bool AidDecisionMissing => AidDecisionRequired && AidDecisionReference is null;

    /// <summary>The follow-up held last (by day, then by when it was recorded), or null.</summary>
    public FollowUp? LatestFollowUp => FollowUps.OrderBy(f => f.HeldOn).ThenBy(f => f.RecordedAt).LastOrDefault();

    /// <summary>A new referral, opened by the referral process for the person's district.</summary>
    public static InterventionReferral Open(Guid referralId, Guid personId, string district, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ReferralId = referralId,
        PersonId = personId,
        District = district,
        State = ReferralState.Opened,
        OpenedAt = now,
    };

    /// <summary>
    /// Takes a place in <paramref name="place"/>; until the start it may be changed. Whether the catalogue lets this
    /// district have a place (open to others, places left) is the catalogue's rule, checked before.
    /// </summary>
    public StepRefusal? Choose(CatalogueIntervention place, DateTimeOffset now, string by)
    {
        if (RefuseChoice(place.Id) is { } refused)
        {
            return refused;
        }

        InterventionId = place.Id;
        InterventionName = place.Name;
        ProviderDistrict = place.ProviderDistrict;
        PricePerPlace = place.PricePerPlace;
        PlaceBought = BuysFrom(place);
        AidDecisionRequired = place.RequiresAidDecision;
        ChosenAt = now;
        ChosenBy = by;
        State = ReferralState.InterventionChosen;
        Announce(new InterventionChosen(ReferralId, Id, place.Id, place.ProviderDistrict, PlaceBought ? place.PricePerPlace : null, now));
        return null;
    }

    /// <summary>Why <paramref name="interventionId"/> cannot be chosen now, or null: only before the start, and not twice.</summary>
    public StepRefusal? RefuseChoice(Guid interventionId)
    {
        if (State is ReferralState.Started or ReferralState.AwaitingTransfer or ReferralState.Closed)
        {
            return StepRefusal.OutOfOrder($"The intervention referral is {State}; the intervention is chosen before the start.");
        }

        return InterventionId == interventionId ? StepRefusal.Done($"The intervention {interventionId} is already chosen.") : null;
    }

    /// <summary>A place in another district's intervention is a purchase.</summary>
    public bool BuysFrom(CatalogueIntervention place) => !string.Equals(place.ProviderDistrict, District, StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes or revises the assignment, once a place is chosen.</summary>
    public StepRefusal? WriteAssignment(Assignment assignment) =>
        RefuseBeforeChoice("the assignment describes the tasks in it") ?? Apply(() =>
        {
            Assignment = assignment;
            Announce(new AssignmentWritten(ReferralId, Id, assignment.WrittenAt));
        });

    /// <summary>Writes or revises the work plan, once a place is chosen.</summary>
    public StepRefusal? WriteWorkPlan(WorkPlan plan) =>
        RefuseBeforeChoice("the plans are for a place in it") ?? Apply(() => WorkPlan = plan);

    /// <summary>Writes or revises the implementation plan, once a place is chosen.</summary>
    public StepRefusal? WriteImplementationPlan(ImplementationPlan plan) =>
        RefuseBeforeChoice("the plans are for a place in it") ?? Apply(() => ImplementationPlan = plan);

    /// <summary>Records (or corrects) the aid decision behind the participation, at any step before the closure.</summary>
    public StepRefusal? RecordAidDecision(string reference) => RefuseWhenClosed() ?? Apply(() => AidDecisionReference = reference);

    /// <summary>A three-party talk, recommended and optional, at any step before the closure.</summary>
    public StepRefusal? RecordTalk(ThreePartyTalk talk) => RefuseWhenClosed() ?? Apply(() => Talks.Add(talk));

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
            case ReferralState.Started or ReferralState.AwaitingTransfer:
                return StepRefusal.Done($"The intervention started on {StartedOn:yyyy-MM-dd}.");
            case ReferralState.Closed:
                return RefuseWhenClosed();
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
    public StepRefusal? Start(DateOnly startedOn, string? aidDecisionReference, DateTimeOffset now, string startedBy) =>
        RefuseStart() ?? Apply(() =>
        {
            AidDecisionReference = aidDecisionReference ?? AidDecisionReference;
            StartedOn = startedOn;
            StartedAt = now;
            StartedBy = startedBy;
            State = ReferralState.Started;
            Announce(new InterventionStarted(ReferralId, Id, InterventionId!.Value, District, now));
        });

    /// <summary>A follow-up of the running intervention, also during the overlap with Jobbtorg Resurs.</summary>
    public StepRefusal? RecordFollowUp(FollowUp followUp) =>
        RefuseWhenClosed()
        ?? (State is ReferralState.Started or ReferralState.AwaitingTransfer
            ? Apply(() =>
            {
                FollowUps.Add(followUp);
                Announce(new InterventionFollowUpRecorded(ReferralId, Id, followUp.Id, followUp.ReadyForJobbtorgResurs, followUp.RecordedAt));
            })
            : StepRefusal.OutOfOrder("A follow-up is recorded only after the intervention has started."));

    /// <summary>
    /// The social secretary decides the transfer to Jobbtorg Resurs: possible once the latest follow-up holds their
    /// judgment "ready" (the checklist alone never decides). The intervention stays open, awaiting the transfer,
    /// until the Resurs intake (the overlap); it closes with <see cref="Close"/>.
    /// </summary>
    public StepRefusal? DecideTransferToResurs(DateOnly decidedOn, string? note, DateTimeOffset now, string by)
    {
        switch (State)
        {
            case ReferralState.Closed:
                return RefuseWhenClosed();
            case ReferralState.AwaitingTransfer:
                return StepRefusal.Done($"The transfer to Jobbtorg Resurs was decided on {TransferDecidedOn:yyyy-MM-dd}; the intervention runs until the Resurs intake.");
            case not ReferralState.Started:
                return StepRefusal.OutOfOrder("Only a started intervention is transferred to Jobbtorg Resurs.");
        }

        if (LatestFollowUp is not { ReadyForJobbtorgResurs: true })
        {
            return StepRefusal.OutOfOrder(
                "The latest follow-up does not hold the social secretary's judgment that the person is ready for Jobbtorg Resurs; record a follow-up with that judgment first.");
        }

        TransferDecidedOn = decidedOn;
        TransferDecidedAt = now;
        TransferDecidedBy = by;
        TransferNote = note;
        State = ReferralState.AwaitingTransfer;
        Announce(new TransferToResursDecided(ReferralId, Id, District, now));
        return null;
    }

    /// <summary>
    /// Closes with an outcome of DOMAIN.md §9 at any step (a person may move or lose contact before the start); the
    /// place is freed. A closed referral stays closed.
    /// </summary>
    public StepRefusal? Close(ClosureOutcome outcome, DateOnly closedOn, string? note, DateTimeOffset now, string by) =>
        RefuseWhenClosed() ?? Apply(() =>
        {
            TransferredToJobbtorgResurs = outcome == ClosureOutcome.ToJobbtorg && TransferDecidedAt is not null;
            State = ReferralState.Closed;
            Outcome = outcome;
            ClosedOn = closedOn;
            ClosedAt = now;
            ClosedBy = by;
            ClosingNote = note;
            Announce(new InterventionClosed(ReferralId, Id, outcome, now));
        });

    /// <summary>A closed referral takes no more changes, whatever they are.</summary>
    public StepRefusal? RefuseWhenClosed() =>
        State == ReferralState.Closed ? StepRefusal.OutOfOrder($"The intervention referral {Id} is closed; nothing more is recorded on it.") : null;

    private StepRefusal? RefuseBeforeChoice(string why) =>
        RefuseWhenClosed() ?? (State == ReferralState.Opened ? StepRefusal.OutOfOrder($"Choose the intervention first: {why}.") : null);

    private static StepRefusal? Apply(Action change)
    {
        change();
        return null;
    }
}
