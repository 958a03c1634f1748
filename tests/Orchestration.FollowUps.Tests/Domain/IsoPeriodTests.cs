using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Tests.Domain;

public sealed class IsoPeriodTests
{
    [Theory]
    [InlineData("P1M", "2027-01-31", "2027-02-28")]
    [InlineData("P3M", "2027-01-15", "2027-04-15")]
    [InlineData("P2W", "2027-01-15", "2027-01-29")]
    [InlineData("p1y2m3d", "2027-01-15", "2028-03-18")]
    public void When_a_period_is_added_Then_months_stay_calendar_months(string period, string from, string expected)
    {
        IsoPeriod.Parse(period).AddTo(DateOnly.Parse(from)).Should().Be(DateOnly.Parse(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("P0M")]
    [InlineData("PT1H")]
    [InlineData("1M")]
    [InlineData("P-1M")]
    public void When_text_is_not_a_positive_date_period_Then_it_is_refused(string text)
    {
        IsoPeriod.TryParse(text, out _).Should().BeFalse();
    }
}
