namespace Orchestration.FollowUps.Domain;

/// <summary>
/// The follow-ups of one intervention as a whole: started by the first ScheduleFollowUps, ended for good by
/// StopFollowUps. The process sends both, but through separate queues, so the stop may be consumed first; the series
/// remembers it, and a schedule that comes after the stop schedules nothing. An intervention starts once (the
/// services refuse a second start), so a stopped series never needs to restart. Both consumers change the row's
/// version, so a schedule and a stop handled at the same moment cannot both commit on stale reads: one is retried.
/// </summary>
public sealed class FollowUpSeries
{
    private FollowUpSeries()
    {
    }

    public Guid InterventionReferralId { get; private init; }

    public Guid ReferralId { get; private set; }

    public bool Stopped { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>Records that the series was asked to start; false when it was already stopped (nothing to schedule).</summary>
    public bool TryStart(Guid referralId)
    {
        ReferralId = referralId;
        Version = Guid.NewGuid();
        return !Stopped;
    }

    /// <summary>Ends the series for good.</summary>
    public void Stop(Guid referralId)
    {
        if (ReferralId == Guid.Empty)
        {
            ReferralId = referralId;
        }

        Stopped = true;
        Version = Guid.NewGuid();
    }
}
