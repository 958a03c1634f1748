using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestration.Testing.Hosting;

/// <summary>A module's endpoints as the host routes them and as its OpenAPI document lists them.</summary>
public static class ModuleEndpoints
{
    public static IReadOnlyList<RouteEndpoint> Routed(TestHost host, string routePrefix) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(routePrefix, StringComparison.Ordinal))
            .ToList();

    public static bool NamesAPolicy(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy != null);

    /// <summary>"METHOD /route" and the summary of each operation under <paramref name="routePrefix"/>.</summary>
    public static async Task<IReadOnlyList<(string Route, string? Summary)>> DocumentedAsync(TestHost host, string routePrefix)
    {
        using var client = host.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        return document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith(routePrefix, StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Route: $"{o.Key.ToUpperInvariant()} {p.Key}", Summary: o.Value!["summary"]?.GetValue<string>())))
            .ToList();
    }
}
