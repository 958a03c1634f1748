using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.ReReferrals;

namespace Orchestration.Jobbtorg.Endpoints.Referrals;

/// <summary>A Jobbtorg referral with everything recorded on it, as the coach sees it; FiaOnly when opened for the FIA part alone.</summary>
public sealed record ReferralResponse(
    Guid JobbtorgReferralId,
    Guid ReferralId,
    Guid PersonId,
    string District,
    JobbtorgUnit Unit,
    ReferralStatus Status,
    bool FiaOnly,
    DateTimeOffset? FiaRequestedAt,
    DateTimeOffset IssuedAt,
    DateTimeOffset ReceivedAt,
    InitialMappingPart2? Intake,
    FiaJobPart? FiaJobPart,
    ResursIntake? ResursIntake,
    IReadOnlyList<InterventionView> Interventions,
    ReReferralView? ReReferral,
    ClosureView? Closure)
{
    public static ReferralResponse From(JobbtorgReferral referral, ReReferralView? reReferral) => new(
        referral.Id, referral.ReferralId, referral.PersonId, referral.District, referral.Unit, referral.Status, referral.FiaOnly, referral.FiaRequestedAt,
        referral.IssuedAt, referral.ReceivedAt, referral.Intake, referral.FiaJobPart, referral.ResursIntake,
        referral.Interventions.OrderBy(i => i.BookedAt).Select(InterventionView.From).ToList(), reReferral,
        referral.Outcome is { } outcome ? new ClosureView(outcome, referral.ClosedAt!.Value, referral.ClosedBy ?? "", referral.ClosingNote) : null);
}
