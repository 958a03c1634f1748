using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Statistics.Endpoints.Figures;
using Orchestration.Statistics.Options;

namespace Orchestration.Statistics;

/// <summary>
/// The statistics the city lacked (DOMAIN.md §11): the counts every module in this process reports about itself,
/// summed per period and dimension, with small counts suppressed. It reads no module's tables.
/// </summary>
public static class StatisticsModule
{
    public const string Name = "Statistics";
    public const string RoutePrefix = "/api/statistics";

    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatisticsOptions>().Bind(configuration.GetSection(StatisticsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StatisticsOptions>, StatisticsOptionsValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags(Name).RequireAuthorization(Policies.ReadStatistics);
        group.MapGet("/", GetFigures.Handle)
            .Produces<FigureReport>()
            .WithSummary("Referrals, re-referrals by reason, interventions started (parallel too), follow-ups on time/late/overdue, escalations, transfers to Resurs, "
                + "closures by outcome and intervention cost (own/purchased): from, to (exclusive, yyyy-MM-dd), district, period (Month, Quarter, Year, Whole), "
                + "groupBy (District, Intervention, Provider, Gender, AgeBand), measures. Counts under Statistics:SuppressBelow are suppressed.");
        group.MapGet("/export.csv", ExportFigures.Handle)
            .WithSummary("The same figures as CSV.");
        return endpoints;
    }
}
