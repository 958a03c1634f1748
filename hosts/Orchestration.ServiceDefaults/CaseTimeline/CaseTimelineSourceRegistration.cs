using Microsoft.Extensions.DependencyInjection;

namespace Orchestration.ServiceDefaults.CaseTimeline;

public static class CaseTimelineSourceRegistration
{
    /// <summary>Registers a module's entries for the case timeline (scoped: it reads the module's own context).</summary>
    public static IServiceCollection AddCaseTimelineSource<TSource>(this IServiceCollection services)
        where TSource : class, ICaseTimelineSource =>
        services.AddScoped<ICaseTimelineSource, TSource>();
}
