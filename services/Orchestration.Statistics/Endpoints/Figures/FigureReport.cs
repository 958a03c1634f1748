using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Statistics;
using Orchestration.Statistics.Domain;
using Orchestration.Statistics.Options;

namespace Orchestration.Statistics.Endpoints.Figures;

/// <summary>The statistics' answer: the window, how it was cut, which modules were counted, and the figures.</summary>
public sealed record FigureReport(DateOnly From, DateOnly To, string? District, string Period, IReadOnlyList<string> GroupBy, int SuppressBelow,
    IReadOnlyList<string> Sources, IReadOnlyList<Figure> Figures)
{
    internal static async Task<FigureReport> CollectAsync(FigureQuery query, IEnumerable<IStatisticsSource> sources, IOptions<StatisticsOptions> options,
        CancellationToken cancellationToken)
    {
        List<StatisticsCount> counts = [];
        List<string> counted = [];
        foreach (var source in sources)
        {
            // One after another: the sources' contexts may share a connection-limited SQLite file.
            counts.AddRange(await source.CountAsync(query.Window, cancellationToken));
            counted.Add(source.Module);
        }

        var wanted = query.Measures is null ? counts : counts.Where(c => query.Measures.Contains(c.Measure));
        var figures = FigureTable.Build(wanted, query.Window.Length, query.Dimensions, options.Value.SuppressBelow);
        return new FigureReport(query.Window.From, query.Window.To, query.Window.District, query.Window.Length.ToString(),
            [.. query.Dimensions.Order().Select(d => d.ToString())], options.Value.SuppressBelow, counted, figures);
    }
}
