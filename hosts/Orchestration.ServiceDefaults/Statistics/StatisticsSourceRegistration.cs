using Microsoft.Extensions.DependencyInjection;

namespace Orchestration.ServiceDefaults.Statistics;

public static class StatisticsSourceRegistration
{
    /// <summary>Registers a module's counts for the statistics (scoped: it reads the module's own context).</summary>
    public static IServiceCollection AddStatisticsSource<TSource>(this IServiceCollection services)
        where TSource : class, IStatisticsSource =>
        services.AddScoped<IStatisticsSource, TSource>();
}
