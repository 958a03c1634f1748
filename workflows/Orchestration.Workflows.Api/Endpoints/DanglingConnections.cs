using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>
/// Studio's canvas throws on a connection whose activity does not exist and then shows nothing. Elsa keeps such
/// connections in the flowchart's <c>customProperties.notFoundConnections</c> (ELSA-API.md §4.3), which Studio
/// carries through a save untouched; we hand them to Studio the same way. Publishing still refuses them.
/// </summary>
internal static class DanglingConnections
{
    public static void SetAside(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                SetAside(item);
            }

            return;
        }

        if (node is not JsonObject activity)
        {
            return;
        }

        if (activity["activities"] is JsonArray activities && activity["connections"] is JsonArray connections)
        {
            var ids = activities.OfType<JsonObject>().Select(a => a["id"]?.ToString()).ToHashSet(StringComparer.Ordinal);
            var dangling = connections.OfType<JsonObject>()
                .Where(c => !ids.Contains(EndpointOf(c, "source")) || !ids.Contains(EndpointOf(c, "target")))
                .ToList();
            if (dangling.Count > 0)
            {
                var customProperties = activity["customProperties"] as JsonObject ?? [];
                activity["customProperties"] = customProperties;
                var notFound = customProperties["notFoundConnections"] as JsonArray ?? [];
                customProperties["notFoundConnections"] = notFound;
                foreach (var connection in dangling)
                {
                    connections.Remove(connection);
                    notFound.Add(connection);
                }
            }
        }

        foreach (var (_, value) in activity.ToList())
        {
            if (value is JsonObject or JsonArray)
            {
                SetAside(value);
            }
        }
    }

    private static string? EndpointOf(JsonObject connection, string end) =>
        connection[end] is JsonObject endpoint ? endpoint["activity"]?.ToString() : connection[end]?.ToString();
}
