using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Endpoints.Inbox;

/// <summary>A follow-up deadline as the inbox shows it: ids, dates, urgency, the case's current stage, and the reminders and escalations sent.</summary>
public sealed record DeadlineView(
    Guid DeadlineId,
    Guid ReferralId,
    Guid InterventionReferralId,
    string District,
    string ResponsibleSocialSecretary,
    DeadlineKind Kind,
    int Sequence,
    DateOnly PlannedOn,
    DateOnly DueOn,
    DeadlineState State,
    string Urgency,
    CaseStage? CaseStage,
    DateTimeOffset? CaseStageSince,
    IReadOnlyList<DeadlineView.NoticeView> Notices,
    IReadOnlyList<DeadlineView.MoveView> Moves)
{
    public sealed record NoticeView(NoticeKind Kind, DateOnly DueOn, DateTimeOffset IssuedAt, DateTimeOffset? MailedAt, int MailRecipients);

    public sealed record MoveView(DateOnly FromDueOn, DateOnly RequestedOn, DateOnly ToDueOn, string Reason, string MovedBy, DateTimeOffset MovedAt);

    public static DeadlineView From(FollowUpDeadline d, DateTimeOffset now, NoticeTiming timing, CaseProgress? progress = null) => new(
        d.Id, d.ReferralId, d.InterventionReferralId, d.District, d.ResponsibleSocialSecretary, d.Kind, d.Sequence, d.PlannedOn, d.DueOn, d.State,
        d.IsOpen ? d.Urgency(now, timing) : "Closed",
        progress?.Stage,
        progress?.StageAt,
        d.Notices.OrderBy(n => n.IssuedAt).Select(n => new NoticeView(n.Kind, n.DueOn, n.IssuedAt, n.MailedAt, n.MailRecipients)).ToList(),
        d.Moves.OrderBy(m => m.MovedAt).Select(m => new MoveView(m.FromDueOn, m.RequestedOn, m.ToDueOn, m.Reason, m.MovedBy, m.MovedAt)).ToList());
}
