using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Orchestration.ServiceDefaults.Cases;

/// <summary>
/// The validation kit of every module: collects every problem of a request, so that one 400 ProblemDetails names all
/// offending fields at once, each under its JSON name with a plain-language reason.
/// </summary>
public sealed class ValidationErrors
{
    /// <summary>Free text (notes, plans, views) is capped so that one field cannot fill the database.</summary>
    public const int MaxText = 8000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(error);
    }

    /// <summary>Trimmed text, or null when blank; a missing required text or an over-long one is recorded.</summary>
    public string? Text(string field, string? value, bool required, int maxLength = MaxText)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && required)
        {
            Add(field, "Required.");
        }
        else if (trimmed is not null && trimmed.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }

        return trimmed;
    }

    /// <summary>A code of <typeparamref name="TEnum"/>, or null with the allowed codes recorded as the error.</summary>
    public TEnum? Code<TEnum>(string field, string? value, bool required)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"Required: one of {EnumNames.Allowed<TEnum>()}.");
            }

            return null;
        }

        if (EnumNames.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, $"'{value}' is not one of {EnumNames.Allowed<TEnum>()}.");
        return null;
    }

    /// <summary>Records "Required." when the value is missing (or blank text).</summary>
    public void Required<T>(string field, T? value)
    {
        if (value is null || value is string text && string.IsNullOrWhiteSpace(text))
        {
            Add(field, "Required.");
        }
    }

    /// <summary>A required answer from a fixed list of codes, matched exactly.</summary>
    public void OneOf(string field, string? value, IReadOnlyList<string> codes)
    {
        if (value is null)
        {
            Add(field, $"Required: one of {string.Join(", ", codes)}.");
        }
        else if (!codes.Contains(value, StringComparer.Ordinal))
        {
            Add(field, $"'{value}' is not one of {string.Join(", ", codes)}.");
        }
    }

    public void MaxLength(string field, string? value, int length = MaxText)
    {
        if (value?.Length > length)
        {
            Add(field, $"At most {length} characters.");
        }
    }

    public void NotInFuture(string field, DateOnly? value, DateOnly today)
    {
        if (value > today)
        {
            Add(field, "Cannot be in the future.");
        }
    }

    /// <summary>A date that has happened (today at the latest), defaulting to today.</summary>
    public DateOnly PastDate(string field, DateOnly? value, DateOnly today)
    {
        if (value is { } date && date > today)
        {
            Add(field, "The date lies in the future.");
        }

        return value ?? today;
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
