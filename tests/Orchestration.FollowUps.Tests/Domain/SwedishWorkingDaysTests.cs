using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Tests.Domain;

public sealed class SwedishWorkingDaysTests
{
    private readonly SwedishWorkingDays _calendar = new();

    [Theory]
    [InlineData("2027-01-04", "2027-01-04")] // a Monday stays
    [InlineData("2027-01-02", "2027-01-04")] // Saturday → Monday
    [InlineData("2027-01-06", "2027-01-07")] // trettondedag jul
    [InlineData("2026-12-24", "2026-12-28")] // julafton, juldagen, annandag jul, then the weekend
    [InlineData("2027-03-26", "2027-03-30")] // långfredagen → past påskdagen and annandag påsk
    [InlineData("2027-06-25", "2027-06-28")] // midsommarafton, then the weekend
    [InlineData("2027-05-06", "2027-05-07")] // Kristi himmelfärdsdag
    public void When_a_date_is_a_weekend_or_holiday_Then_it_moves_to_the_next_working_day(string date, string expected)
    {
        _calendar.OnOrAfter(DateOnly.Parse(date)).Should().Be(DateOnly.Parse(expected));
    }
}
