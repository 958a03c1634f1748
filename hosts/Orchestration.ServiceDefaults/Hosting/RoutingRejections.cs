using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>
/// When a route exists but the request cannot reach it (a body that is not JSON: 415; another method: 405), routing
/// picks one of the framework's rejection endpoints. Those carry no metadata, so the deny-all fallback policy would
/// answer 401/403 instead and hide what is wrong. The answer does not depend on who asks, so it is given before
/// authorization; it reveals no more than the public OpenAPI document does.
/// </summary>
internal static class RoutingRejections
{
    public static IApplicationBuilder UseRoutingRejections(this IApplicationBuilder app) =>
        app.Use((context, next) =>
            context.GetEndpoint() is { RequestDelegate: { } reject } endpoint and not RouteEndpoint
                ? reject(context)
                : next(context));
}
