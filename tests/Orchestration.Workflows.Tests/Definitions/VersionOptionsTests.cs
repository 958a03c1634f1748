using Orchestration.Workflows.Definitions;

namespace Orchestration.Workflows.Tests.Definitions;

public sealed class VersionOptionsTests
{
    [Theory]
    [InlineData("Latest", VersionSelection.Latest)]
    [InlineData("latest", VersionSelection.Latest)]
    [InlineData("PUBLISHED", VersionSelection.Published)]
    [InlineData("LatestOrPublished", VersionSelection.LatestOrPublished)]
    [InlineData("LatestAndPublished", VersionSelection.LatestAndPublished)]
    [InlineData("Draft", VersionSelection.Draft)]
    [InlineData("AllVersions", VersionSelection.AllVersions)]
    [InlineData("", VersionSelection.AllVersions)]
    [InlineData(null, VersionSelection.AllVersions)]
    public void Parses_named_selections_in_any_case_and_blank_as_all_versions(string? text, VersionSelection expected)
    {
        VersionOptions.TryParse(text, out var options).Should().BeTrue();
        options!.Value.Selection.Should().Be(expected);
    }

    [Fact]
    public void Parses_a_version_number()
    {
        VersionOptions.TryParse("3", out var options).Should().BeTrue();
        options.Should().Be(VersionOptions.SpecificVersion(3));
        options!.Value.ToString().Should().Be("3");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("SpecificVersion")]
    [InlineData("Newest")]
    [InlineData("1.5")]
    public void Rejects_what_is_neither_a_selection_nor_a_positive_version(string text)
    {
        VersionOptions.TryParse(text, out var options).Should().BeFalse();
        options.Should().BeNull();
    }

    [Theory]
    // version, isLatest, isPublished → Latest, Published, LatestOrPublished, LatestAndPublished, Draft
    [InlineData(1, false, true, false, true, true, false, false)]
    [InlineData(2, true, false, true, false, true, false, true)]
    [InlineData(3, true, true, true, true, true, true, false)]
    [InlineData(4, false, false, false, false, false, false, true)]
    public void Selects_versions_by_their_flags(int version, bool isLatest, bool isPublished,
        bool latest, bool published, bool latestOrPublished, bool latestAndPublished, bool draft)
    {
        VersionOptions.Latest.Matches(version, isLatest, isPublished).Should().Be(latest);
        VersionOptions.Published.Matches(version, isLatest, isPublished).Should().Be(published);
        VersionOptions.LatestOrPublished.Matches(version, isLatest, isPublished).Should().Be(latestOrPublished);
        new VersionOptions(VersionSelection.LatestAndPublished).Matches(version, isLatest, isPublished).Should().Be(latestAndPublished);
        new VersionOptions(VersionSelection.Draft).Matches(version, isLatest, isPublished).Should().Be(draft);
        VersionOptions.AllVersions.Matches(version, isLatest, isPublished).Should().BeTrue();
        VersionOptions.SpecificVersion(3).Matches(version, isLatest, isPublished).Should().Be(version == 3);
    }
}
