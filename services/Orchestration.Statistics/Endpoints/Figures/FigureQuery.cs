using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Security;
using Orchestration.ServiceDefaults.Statistics;
using Orchestration.Statistics.Domain;
using Orchestration.Statistics.Options;

namespace Orchestration.Statistics.Endpoints.Figures;

/// <summary>
/// The query string of the statistics routes, checked and scoped to the caller: a coordinator sees their own district
/// only (another district answers 403), an admin any district or all of them.
/// </summary>
internal sealed record FigureQuery(StatisticsWindow Window, IReadOnlySet<Dimension> Dimensions, IReadOnlySet<string>? Measures)
{
    public sealed record Parameters(string? From, string? To, string? District, string? Period, string? GroupBy, string? Measures);

    public static IResult? TryParse(Parameters parameters, ClaimsPrincipal user, TimeProvider time, StatisticsOptions options, out FigureQuery query)
    {
        query = null!;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var defaultTo = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        if (!TryDate(parameters.To, defaultTo, out var to))
        {
            return CaseProblems.Invalid("to", "Give the day after the last one counted as yyyy-MM-dd.");
        }

        if (!TryDate(parameters.From, to.AddMonths(-12), out var from))
        {
            return CaseProblems.Invalid("from", "Give the first day counted as yyyy-MM-dd.");
        }

        if (from >= to)
        {
            return CaseProblems.Invalid("from", $"The first day ({from:yyyy-MM-dd}) must come before 'to' ({to:yyyy-MM-dd}).");
        }

        if (from.AddMonths(options.MaxMonths) < to)
        {
            return CaseProblems.Invalid("to", $"One query covers at most {options.MaxMonths} months.");
        }

        if (!TryEnum(parameters.Period, PeriodLength.Month, out PeriodLength period))
        {
            return CaseProblems.Invalid("period", $"One of {string.Join(", ", Enum.GetNames<PeriodLength>())}.");
        }

        HashSet<Dimension> dimensions = [];
        foreach (var name in Split(parameters.GroupBy ?? nameof(Dimension.District)))
        {
            if (!TryEnum(name, Dimension.District, out Dimension dimension))
            {
                return CaseProblems.Invalid("groupBy", $"'{name}' is not a dimension; use {string.Join(", ", Enum.GetNames<Dimension>())}, separated by commas.");
            }

            dimensions.Add(dimension);
        }

        var measures = parameters.Measures is null ? null : Split(parameters.Measures).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var district = string.IsNullOrWhiteSpace(parameters.District) ? null : parameters.District.Trim().ToLowerInvariant();
        if (!user.IsInRole(Roles.Admin))
        {
            // A coordinator is held to their own district, asked for or not.
            district ??= user.FindFirstValue(OrchestrationClaims.District) ?? "";
            if (DistrictAccess.Check(user, district) is { } refused)
            {
                return refused;
            }
        }

        query = new FigureQuery(new StatisticsWindow(from, to, district, period), dimensions, measures);
        return null;
    }

    private static IEnumerable<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static bool TryEnum<T>(string? text, T fallback, out T value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        // Names only: a number would parse too and slip past the check.
        return Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsDigit(text.Trim()[0]);
    }
}
