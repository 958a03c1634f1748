using Orchestration.Workflows.Definitions;

namespace Orchestration.Workflows.Persistence.Definitions;

/// <summary>A definitions list query, as Studio sends it (ELSA-API.md §3.2).</summary>
public sealed record DefinitionQuery
{
    public VersionOptions VersionOptions { get; init; } = VersionOptions.Latest;

    public string? SearchTerm { get; init; }

    public IReadOnlyList<string> DefinitionIds { get; init; } = [];

    public IReadOnlyList<string> Ids { get; init; } = [];

    public int? Page { get; init; }

    public int? PageSize { get; init; }

    public string? OrderBy { get; init; }

    public bool Descending { get; init; }
}
