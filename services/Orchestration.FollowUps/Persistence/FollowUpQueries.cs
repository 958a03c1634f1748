using Orchestration.Contracts.FollowUps.Events;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Persistence;

internal static class FollowUpQueries
{
    /// <summary>States of a deadline still waiting for its follow-up (also the unique index's filter).</summary>
    public static readonly DeadlineState[] OpenStates = [DeadlineState.Pending, DeadlineState.Reminded, DeadlineState.Escalated];

    public static FollowUpScheduled Scheduled(FollowUpDeadline deadline, DateTimeOffset now) =>
        new(deadline.ReferralId, deadline.InterventionReferralId, deadline.Id, deadline.District, deadline.Sequence, deadline.DueOn, now);
}
