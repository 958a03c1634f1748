using Orchestration.ServiceDefaults.Statistics;
using Orchestration.Statistics.Domain;
using Orchestration.Statistics.Options;

namespace Orchestration.Statistics.Tests.Domain;

public sealed class FigureTableTests
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly int DefaultThreshold = new StatisticsOptions().SuppressBelow;

    [Fact]
    public void By_default_a_count_of_four_is_suppressed_with_its_cost_and_five_is_shown()
    {
        DefaultThreshold.Should().Be(5);
        var figures = FigureTable.Build(
        [
            new StatisticsCount("interventionCost", March, "farsta", 4) { Category = "purchased", Cost = 20_000m },
            new StatisticsCount("interventionCost", March, "bromma", 5) { Category = "own", Cost = 25_000m },
        ], PeriodLength.Month, new HashSet<Dimension> { Dimension.District }, DefaultThreshold);

        figures.Should().BeEquivalentTo(new[]
        {
            new Figure("interventionCost", "own", "2026-03", "bromma", null, null, null, null, 5, 25_000m, false),
            new Figure("interventionCost", "purchased", "2026-03", "farsta", null, null, null, null, null, null, true),
        });
    }

    [Fact]
    public void Dimensions_not_asked_for_are_summed_so_small_cells_can_add_up_to_a_shown_figure()
    {
        StatisticsCount[] counts =
        [
            new("referrals", March, "farsta", 3) { Gender = "Female", AgeBand = "25-29" },
            new("referrals", March, "farsta", 2) { Gender = "Male", AgeBand = "25-29" },
            new("referrals", March, "bromma", 1) { Gender = "Male", AgeBand = "40-49" },
            new("closures", March, "farsta", 6) { Category = "Work" },
        ];

        var byGender = FigureTable.Build(counts, PeriodLength.Month, new HashSet<Dimension> { Dimension.Gender }, 5);
        byGender.Select(f => (f.Measure, f.Gender, f.Count, f.Suppressed)).Should().BeEquivalentTo(new (string, string?, int?, bool)[]
        {
            ("closures", null, 6, false), ("referrals", "Female", null, true), ("referrals", "Male", null, true),
        });
        var citywide = FigureTable.Build(counts, PeriodLength.Month, new HashSet<Dimension>(), 5);
        citywide.Select(f => (f.Measure, f.Category, f.Count)).Should().BeEquivalentTo(new (string, string?, int?)[] { ("closures", "Work", 6), ("referrals", null, 6) });
    }

    [Theory]
    [InlineData(PeriodLength.Month, "2026-08")]
    [InlineData(PeriodLength.Quarter, "2026-Q3")]
    [InlineData(PeriodLength.Year, "2026")]
    [InlineData(PeriodLength.Whole, "2026-08-17")]
    public void A_period_is_labelled_by_its_length(PeriodLength length, string label) =>
        FigureTable.Label(new DateOnly(2026, 8, 17), length).Should().Be(label);

    [Fact]
    public void A_window_is_cut_into_its_periods_with_only_the_days_inside_it()
    {
        var window = new StatisticsWindow(new DateOnly(2026, 2, 15), new DateOnly(2026, 7, 10), null, PeriodLength.Quarter);

        window.Periods().Should().Equal(
            (new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 15), new DateOnly(2026, 4, 1)),
            (new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1)),
            (new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 10)));
        window.PeriodOf(new DateOnly(2026, 5, 31)).Should().Be(new DateOnly(2026, 4, 1));
        (window with { Length = PeriodLength.Whole }).Periods().Should().Equal((window.From, window.From, window.To));
    }

    [Theory]
    [InlineData(17, "0-17")]
    [InlineData(24, "18-24")]
    [InlineData(25, "25-29")]
    [InlineData(64, "50-64")]
    [InlineData(65, "65+")]
    public void Ages_fall_into_bands(int age, string band) => AgeBands.Of(age).Should().Be(band);
}
