using PublicHoliday;

namespace Orchestration.FollowUps.Domain;

/// <summary>
/// Swedish working days: no weekend and no public holiday. Midsommarafton, julafton and nyårsafton count as holidays,
/// as in practice (INFRA-NOTES.md, PublicHoliday 4.0.0).
/// </summary>
public sealed class SwedishWorkingDays
{
    private readonly SwedenPublicHoliday _holidays = new();

    public bool IsWorkingDay(DateOnly date) => _holidays.IsWorkingDay(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>The date itself when it is a working day, otherwise the next working day.</summary>
    public DateOnly OnOrAfter(DateOnly date) => DateOnly.FromDateTime(_holidays.NextWorkingDay(date.ToDateTime(TimeOnly.MinValue)));
}
