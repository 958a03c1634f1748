namespace Orchestration.Interventions.Endpoints;

/// <summary>Reads a code (an enum name) from a request, so that an unknown code is a 400 naming the field and the allowed codes.</summary>
internal static class Codes
{
    /// <summary>True for a defined name in any case; numbers are refused, since "3" is no code a caseworker chose.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-'
            && Enum.TryParse(trimmed, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    public static string Allowed<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());
}
