using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Orchestration.Workflows.Definitions;

/// <summary>
/// Elsa's <c>versionOptions</c> query value: a named selection or a version number. Studio sends it in any case and
/// sometimes empty, which callers treat as "no version filter" (ELSA-API.md §3.2).
/// </summary>
public readonly record struct VersionOptions(VersionSelection Selection, int Version = 0)
{
    public static readonly VersionOptions Latest = new(VersionSelection.Latest);
    public static readonly VersionOptions Published = new(VersionSelection.Published);
    public static readonly VersionOptions LatestOrPublished = new(VersionSelection.LatestOrPublished);
    public static readonly VersionOptions AllVersions = new(VersionSelection.AllVersions);

    public static VersionOptions SpecificVersion(int version) => new(VersionSelection.SpecificVersion, version);

    /// <summary>Parses a named selection (any case) or a positive version number; blank means <see cref="AllVersions"/>.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out VersionOptions? options)
    {
        options = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            options = AllVersions;
            return true;
        }

        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            if (version < 1)
            {
                return false;
            }

            options = SpecificVersion(version);
            return true;
        }

        if (Enum.TryParse<VersionSelection>(text, ignoreCase: true, out var selection)
            && selection != VersionSelection.SpecificVersion
            && Enum.IsDefined(selection))
        {
            options = new VersionOptions(selection);
            return true;
        }

        return false;
    }

    /// <summary>Whether a stored version with these flags is selected.</summary>
    public bool Matches(int version, bool isLatest, bool isPublished) => Selection switch
    {
        VersionSelection.Latest => isLatest,
        VersionSelection.Published => isPublished,
        VersionSelection.LatestOrPublished => isLatest || isPublished,
        VersionSelection.LatestAndPublished => isLatest && isPublished,
        VersionSelection.Draft => !isPublished,
        VersionSelection.AllVersions => true,
        VersionSelection.SpecificVersion => version == Version,
        _ => false,
    };

    public override string ToString() =>
        Selection == VersionSelection.SpecificVersion ? Version.ToString(CultureInfo.InvariantCulture) : Selection.ToString();
}
