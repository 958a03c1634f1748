using System.Globalization;
using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Options;

/// <summary>
/// Defaults of the follow-up schedule and its notices (section "FollowUps"). The seed's "after about a month, then
/// every three months" (002) are the defaults a ScheduleFollowUps command may override; lead time, grace and hour are
/// project decisions (DOMAIN.md §5).
/// </summary>
public sealed class FollowUpsOptions
{
    public const string Section = "FollowUps";

    public string FirstAfter { get; set; } = "P1M";

    public string Interval { get; set; } = "P3M";

    /// <summary>Days before the due date that the responsible social secretary is reminded.</summary>
    public int ReminderLeadDays { get; set; } = 7;

    /// <summary>Days after the due date before an open follow-up escalates to the district's coordinators.</summary>
    public int EscalationGraceDays { get; set; } = 3;

    /// <summary>Local time of day notices go out ("HH:mm").</summary>
    public string SendAt { get; set; } = "07:00";

    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>Rows one claimer transaction takes; the claimer loops while batches come back full.</summary>
    public int ClaimBatchSize { get; set; } = 500;

    /// <summary>How often Hangfire wakes the claimer (cron); the rows, not the jobs, hold the deadlines.</summary>
    public string ClaimCron { get; set; } = "* * * * *";

    public NoticeTiming Timing() => new(ReminderLeadDays, EscalationGraceDays,
        TimeOnly.ParseExact(SendAt, "HH:mm", CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(TimeZone));

    /// <summary>The first problem, naming the setting, or null.</summary>
    public string? Validate()
    {
        if (!IsoPeriod.TryParse(FirstAfter, out _))
        {
            return $"{Section}:FirstAfter: '{FirstAfter}' is not an ISO 8601 period such as P1M.";
        }

        if (!IsoPeriod.TryParse(Interval, out _))
        {
            return $"{Section}:Interval: '{Interval}' is not an ISO 8601 period such as P3M.";
        }

        if (ReminderLeadDays is < 0 or > 60)
        {
            return $"{Section}:ReminderLeadDays: 0 to 60 days.";
        }

        if (EscalationGraceDays is < 0 or > 60)
        {
            return $"{Section}:EscalationGraceDays: 0 to 60 days.";
        }

        if (!TimeOnly.TryParseExact(SendAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return $"{Section}:SendAt: '{SendAt}' is not a time of day as HH:mm.";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            return $"{Section}:TimeZone: '{TimeZone}' is not a known time zone.";
        }

        if (ClaimBatchSize is < 1 or > 5000)
        {
            return $"{Section}:ClaimBatchSize: 1 to 5000.";
        }

        return string.IsNullOrWhiteSpace(ClaimCron) ? $"{Section}:ClaimCron: a cron expression is required." : null;
    }
}
