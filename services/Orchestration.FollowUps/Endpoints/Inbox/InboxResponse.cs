using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Endpoints.Inbox;

/// <summary>Open follow-ups split by urgency, soonest first: overdue, due (reminder window reached), upcoming.</summary>
public sealed record InboxResponse(DateOnly Today, IReadOnlyList<DeadlineView> Overdue, IReadOnlyList<DeadlineView> Due, IReadOnlyList<DeadlineView> Upcoming)
{
    public static InboxResponse From(IEnumerable<FollowUpDeadline> open, IReadOnlyDictionary<Guid, CaseProgress> progress, DateTimeOffset now, NoticeTiming timing)
    {
        var views = open.OrderBy(d => d.DueOn).ThenBy(d => d.Id)
            .Select(d => DeadlineView.From(d, now, timing, progress.GetValueOrDefault(d.ReferralId))).ToList();
        return new InboxResponse(timing.Today(now),
            views.Where(v => v.Urgency == "Overdue").ToList(),
            views.Where(v => v.Urgency == "Due").ToList(),
            views.Where(v => v.Urgency == "Upcoming").ToList());
    }
}
