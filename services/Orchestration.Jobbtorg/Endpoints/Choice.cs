namespace Orchestration.Jobbtorg.Endpoints;

/// <summary>
/// Reads a fixed-list answer given by name. Taken as a string rather than bound as an enum so that a wrong value
/// gets a field error naming the allowed values, and a number is never taken for a member.
/// </summary>
internal static class Choice
{
    public static TEnum? Parse<TEnum>(string? value, string field, IDictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(value) && !value.Trim().All(char.IsAsciiDigit)
            && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[field] = [$"Give one of: {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return null;
    }
}
