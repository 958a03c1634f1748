using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Serialization;

internal static class JsonObjectLookup
{
    /// <summary>A property by name in any case: Elsa writes camelCase, older files and descriptors PascalCase.</summary>
    public static JsonNode? GetIgnoringCase(this JsonObject json, string name) =>
        json.TryGetPropertyValue(name, out var exact)
            ? exact
            : json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
