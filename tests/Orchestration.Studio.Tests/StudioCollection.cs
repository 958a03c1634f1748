namespace Orchestration.Studio.Tests;

/// <summary>The browser suite shares one host and one Chromium: starting them is most of its cost.</summary>
[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioFixture>
{
    public const string Name = "Studio";
}
