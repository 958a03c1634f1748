namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>Small checks the instruments share, each adding a plain-language error under the field's JSON name.</summary>
internal static class AnswerRules
{
    public const int NoteLength = 4000;

    public static void Required<T>(this Dictionary<string, string[]> errors, string field, T? value)
    {
        if (value is null || value is string text && string.IsNullOrWhiteSpace(text))
        {
            errors[field] = ["Required."];
        }
    }

    public static void OneOf(this Dictionary<string, string[]> errors, string field, string? value, IReadOnlyList<string> codes)
    {
        if (value is null)
        {
            errors[field] = [$"Required: one of {string.Join(", ", codes)}."];
        }
        else if (!codes.Contains(value, StringComparer.Ordinal))
        {
            errors[field] = [$"'{value}' is not one of {string.Join(", ", codes)}."];
        }
    }

    public static void MaxLength(this Dictionary<string, string[]> errors, string field, string? value, int length = NoteLength)
    {
        if (value?.Length > length)
        {
            errors[field] = [$"At most {length} characters."];
        }
    }

    public static void NotInFuture(this Dictionary<string, string[]> errors, string field, DateOnly? value, DateOnly today)
    {
        if (value > today)
        {
            errors[field] = ["Cannot be in the future."];
        }
    }
}
