using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Statistics;
using Orchestration.Statistics.Options;

namespace Orchestration.Statistics.Endpoints.Figures;

/// <summary>The statistics as CSV (RFC 4180, comma, invariant numbers); a suppressed cell has an empty count and cost.</summary>
internal static class ExportFigures
{
    public static async Task<IResult> Handle([AsParameters] FigureQuery.Parameters parameters, ClaimsPrincipal user, IEnumerable<IStatisticsSource> sources,
        TimeProvider time, IOptions<StatisticsOptions> options, CancellationToken cancellationToken)
    {
        if (FigureQuery.TryParse(parameters, user, time, options.Value, out var query) is { } refused)
        {
            return refused;
        }

        var report = await FigureReport.CollectAsync(query, sources, options, cancellationToken);
        var csv = new StringBuilder("measure,category,period,district,intervention,provider,gender,ageBand,count,cost,suppressed\r\n");
        foreach (var f in report.Figures)
        {
            string[] cells =
            [
                f.Measure, f.Category ?? "", f.Period, f.District ?? "", f.Intervention ?? "", f.Provider ?? "", f.Gender ?? "", f.AgeBand ?? "",
                f.Count?.ToString(CultureInfo.InvariantCulture) ?? "", f.Cost?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
                f.Suppressed ? "true" : "false",
            ];
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8",
            $"statistics-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv");
    }

    /// <summary>Quoted when needed; a leading formula character is defused, since a catalogue name is free text.</summary>
    internal static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
