using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>
/// When a route exists but the request cannot reach it (a body that is not JSON: 415; another method: 405), routing
/// picks one of the framework's rejection endpoints, or a catch-all route when one matches the path. Neither says
/// what is wrong once the deny-all fallback policy (or the catch-all's own policy) has answered 401/403 first. The
/// answer does not depend on who asks, so it is given before authorization; it reveals no more than the public
/// OpenAPI document does.
/// </summary>
public static class RoutingRejections
{
    /// <summary>Marks a catch-all route that reads JSON bodies only, so that any other body is answered 415 before authorization.</summary>
    public static TBuilder AcceptsJsonBodiesOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(JsonBodiesOnly.Instance);

    internal static IApplicationBuilder UseRoutingRejections(this IApplicationBuilder app) =>
        app.Use((context, next) => context.GetEndpoint() switch
        {
            { RequestDelegate: { } reject } and not RouteEndpoint => reject(context),
            { } endpoint when endpoint.Metadata.GetMetadata<JsonBodiesOnly>() is not null && HasUnreadableBody(context.Request) =>
                TypedResults.Problem("Send the request body as JSON (Content-Type: application/json).",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type").ExecuteAsync(context),
            _ => next(context),
        });

    /// <summary>A body declared in another type; a request without one is left to authorization (and the route).</summary>
    private static bool HasUnreadableBody(HttpRequest request) =>
        !string.IsNullOrEmpty(request.ContentType) && !request.HasJsonContentType()
        && !request.ContentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    private sealed class JsonBodiesOnly
    {
        public static readonly JsonBodiesOnly Instance = new();
    }
}
