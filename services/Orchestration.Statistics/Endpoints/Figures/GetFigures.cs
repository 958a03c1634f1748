using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Statistics;
using Orchestration.Statistics.Options;

namespace Orchestration.Statistics.Endpoints.Figures;

/// <summary>The statistics as JSON.</summary>
internal static class GetFigures
{
    public static async Task<IResult> Handle([AsParameters] FigureQuery.Parameters parameters, ClaimsPrincipal user, IEnumerable<IStatisticsSource> sources,
        TimeProvider time, IOptions<StatisticsOptions> options, CancellationToken cancellationToken)
    {
        if (FigureQuery.TryParse(parameters, user, time, options.Value, out var query) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(await FigureReport.CollectAsync(query, sources, options, cancellationToken));
    }
}
