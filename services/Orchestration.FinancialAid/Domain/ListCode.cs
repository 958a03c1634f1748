namespace Orchestration.FinancialAid.Domain;

/// <summary>
/// One code of an editable list. A code is retired, never deleted: old records keep their meaning, and a retired code
/// cannot be chosen anew.
/// </summary>
public sealed class ListCode
{
    public CodeList List { get; init; }

    /// <summary>Stable identifier, e.g. "Housing"; what records store.</summary>
    public required string Code { get; init; }

    /// <summary>The Swedish label caseworkers see.</summary>
    public required string Label { get; set; }

    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }
}
