namespace Orchestration.FollowUps.Domain;

/// <summary>
/// When the notices of a due date go out, in local time: the reminder <see cref="ReminderLeadDays"/> before the due
/// date, the escalation once <see cref="EscalationGraceDays"/> have passed after it, both at <see cref="SendAt"/>.
/// </summary>
public sealed record NoticeTiming(int ReminderLeadDays, int EscalationGraceDays, TimeOnly SendAt, TimeZoneInfo Zone)
{
    public DateTimeOffset ReminderAt(DateOnly dueOn) => At(dueOn.AddDays(-ReminderLeadDays));

    /// <summary>The morning after the last day of grace: a follow-up recorded on the due date or during the grace is in time.</summary>
    public DateTimeOffset EscalationAt(DateOnly dueOn) => At(dueOn.AddDays(EscalationGraceDays + 1));

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    private DateTimeOffset At(DateOnly date)
    {
        var local = date.ToDateTime(SendAt);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
