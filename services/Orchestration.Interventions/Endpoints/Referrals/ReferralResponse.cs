using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Domain;

namespace Orchestration.Interventions.Endpoints.Referrals;

/// <summary>
/// An intervention referral as its district's staff see it: the chosen place, assignment, plans, talks, follow-ups,
/// closure, and warnings about recommended or expected steps still missing (they never block).
/// </summary>
public sealed record ReferralResponse(
    Guid InterventionReferralId,
    Guid ReferralId,
    Guid PersonId,
    string District,
    ReferralState State,
    DateTimeOffset OpenedAt,
    ChosenPlaceResponse? Place,
    Assignment? Assignment,
    WorkPlan? WorkPlan,
    ImplementationPlan? ImplementationPlan,
    string? AidDecisionReference,
    DateOnly? StartedOn,
    TransferResponse? Transfer,
    ClosureResponse? Closure,
    IReadOnlyList<ThreePartyTalkResponse> Talks,
    IReadOnlyList<FollowUpResponse> FollowUps,
    IReadOnlyList<string> Warnings)
{
    internal static ReferralResponse From(InterventionReferral r) => new(
        r.Id,
        r.ReferralId,
        r.PersonId,
        r.District,
        r.State,
        r.OpenedAt,
        r.InterventionId is { } interventionId
            ? new ChosenPlaceResponse(interventionId, r.InterventionName ?? "", r.ProviderDistrict ?? "", r.PricePerPlace, r.PlaceBought,
                r.AidDecisionRequired, r.ChosenAt!.Value, r.ChosenBy ?? "")
            : null,
        r.Assignment,
        r.WorkPlan,
        r.ImplementationPlan,
        r.AidDecisionReference,
        r.StartedOn,
        r.TransferDecidedOn is { } decidedOn ? new TransferResponse(decidedOn, r.TransferDecidedAt!.Value, r.TransferDecidedBy ?? "", r.TransferNote) : null,
        r.Outcome is { } outcome
            ? new ClosureResponse(outcome, r.ClosedOn!.Value, r.ClosedAt!.Value, r.ClosedBy ?? "", r.TransferredToJobbtorgResurs, r.ClosingNote)
            : null,
        r.Talks.OrderBy(t => t.HeldOn).ThenBy(t => t.RecordedAt).Select(ThreePartyTalkResponse.From).ToList(),
        r.FollowUps.OrderBy(f => f.HeldOn).ThenBy(f => f.RecordedAt).Select(FollowUpResponse.From).ToList(),
        WarningsFor(r));

    private static List<string> WarningsFor(InterventionReferral r)
    {
        var warnings = new List<string>();
        if (r.State != ReferralState.Closed && r.InterventionId is not null && r.AidDecisionMissing)
        {
            warnings.Add("The intervention needs an aid decision (beslut om bistånd) and none is recorded; record it with PUT .../aid-decision.");
        }

        if (r.State is ReferralState.InterventionChosen && r.Talks.Count == 0)
        {
            warnings.Add("No three-party talk (trepartssamtal) is recorded; it is the recommended way to choose the intervention.");
        }

        if (r.State is ReferralState.AwaitingTransfer)
        {
            warnings.Add("The transfer to Jobbtorg Resurs is decided; the intervention runs on until the Resurs intake, then the referral process closes it.");
        }

        return warnings;
    }
}

/// <summary>The place chosen from the catalogue; a place bought from another district carries the price per place.</summary>
public sealed record ChosenPlaceResponse(
    Guid InterventionId, string Name, string ProviderDistrict, decimal? PricePerPlace, bool PlaceBought, bool AidDecisionRequired,
    DateTimeOffset ChosenAt, string ChosenBy);

/// <summary>The social secretary's decision to transfer the person to Jobbtorg Resurs; the overlap runs from it until the closure.</summary>
public sealed record TransferResponse(DateOnly DecidedOn, DateTimeOffset DecidedAt, string DecidedBy, string? Note);

public sealed record ClosureResponse(ClosureOutcome Outcome, DateOnly ClosedOn, DateTimeOffset ClosedAt, string ClosedBy, bool TransferredToJobbtorgResurs, string? Note);

public sealed record ThreePartyTalkResponse(Guid TalkId, DateOnly HeldOn, IReadOnlyList<string> OtherParticipants, string? Summary, DateTimeOffset RecordedAt, string RecordedBy)
{
    internal static ThreePartyTalkResponse From(ThreePartyTalk t) => new(t.Id, t.HeldOn, t.OtherParticipants, t.Summary, t.RecordedAt, t.RecordedBy);
}

public sealed record FollowUpResponse(
    Guid FollowUpId,
    DateOnly HeldOn,
    int? AttendancePercent,
    string? AttendanceNote,
    WorkAbility WorkAbility,
    string? IndividualView,
    IReadOnlyList<GoalProgress> Goals,
    IReadOnlyList<ReadinessAnswer> Readiness,
    bool ReadyForJobbtorgResurs,
    string? JudgmentNote,
    DateTimeOffset RecordedAt,
    string RecordedBy)
{
    internal static FollowUpResponse From(FollowUp f) => new(f.Id, f.HeldOn, f.AttendancePercent, f.AttendanceNote, f.WorkAbility, f.IndividualView,
        f.Goals, f.Readiness, f.ReadyForJobbtorgResurs, f.JudgmentNote, f.RecordedAt, f.RecordedBy);
}
