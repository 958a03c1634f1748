namespace Orchestration.ServiceDefaults.Cases;

/// <summary>
/// The one reader of a fixed-list answer given by name. Requests take such answers as strings rather than binding
/// an enum, so that a wrong value gets a field error naming the allowed values, and a number is never taken for a
/// member ("3" is no code a caseworker chose).
/// </summary>
public static class EnumNames
{
    /// <summary>True for a defined name, in any letter case, around spaces.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && !char.IsAsciiDigit(trimmed[0]) && trimmed[0] is not ('-' or '+')
            && Enum.TryParse(trimmed, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    public static string Allowed<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());
}
