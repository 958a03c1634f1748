namespace Orchestration.Workflows.Definitions;

/// <summary>The named ways Elsa's <c>versionOptions</c> picks definition versions (ELSA-API.md §2).</summary>
public enum VersionSelection
{
    Latest,
    Published,
    LatestOrPublished,
    LatestAndPublished,
    Draft,
    AllVersions,
    SpecificVersion,
}
