using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Orchestration.Interventions.Endpoints;

/// <summary>Collects every problem of a request, so one 400 names all offending fields at once.</summary>
internal sealed class ValidationErrors
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
                Add(field, $"Required; one of {Codes.Allowed<TEnum>()}.");
            }

            return null;
        }

        if (Codes.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, $"'{value}' is not a known code; use one of {Codes.Allowed<TEnum>()}.");
        return null;
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
