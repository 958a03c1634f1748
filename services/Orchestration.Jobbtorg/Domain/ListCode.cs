namespace Orchestration.Jobbtorg.Domain;

/// <summary>One code of an editable list. A code in use is deactivated, never deleted, so old records keep their meaning.</summary>
public sealed class ListCode
{
    public CodeList List { get; init; }

    /// <summary>Stable identifier, e.g. "MentalIllHealth"; what records store.</summary>
    public required string Code { get; init; }

    /// <summary>The Swedish label caseworkers see.</summary>
    public required string Label { get; set; }

    /// <summary>A record with this code must carry a free text (e.g. "annat").</summary>
    public bool RequiresText { get; set; }

    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }
}
