using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Testing.Hosting;

namespace Orchestration.ServiceDefaults.Tests.Hosting;

/// <summary>
/// The API reference shows each write with the body its endpoint binds (issue 13: 21 operations shared one schema
/// "Request" = {personnummer, district}, because endpoint-local records all had that name).
/// </summary>
public sealed partial class OpenApiRequestSchemaTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task Every_operation_with_a_json_body_documents_the_properties_of_the_record_its_endpoint_binds()
    {
        using var client = fixture.Host.CreateClient();
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var bodies = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Body: e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))
            .Where(e => e.Body is { } type && Properties(type).Count > 0 && e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .ToList();

        bodies.Should().HaveCountGreaterThan(20, "the services and the workflow API bind many request records");
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var (endpoint, body) in bodies)
        {
            var path = PathOf(endpoint);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var operation = document["paths"]?[path]?[method.ToLowerInvariant()];
                if (operation is null)
                {
                    continue; // excluded from the description (Studio's shell)
                }

                compared++;
                var schema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
                var documented = schema?["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                if (!documented.SetEquals(Properties(body!)))
                {
                    mismatches.Add($"{method} {path}: binds {body!.FullName} {{{string.Join(", ", Properties(body!))}}}, documents {{{string.Join(", ", documented)}}}");
                }
            }
        }

        compared.Should().BeGreaterThan(20, "the operations must be found in the document to be compared");
        mismatches.Should().BeEmpty();
    }

    private static HashSet<string> Properties(Type type) =>
        type.IsPrimitive || type == typeof(string) || typeof(JsonNode).IsAssignableFrom(type) || type.IsArray
            ? []
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .ToHashSet();

    private static JsonObject? Resolve(JsonNode? schema, JsonObject schemas)
    {
        for (var depth = 0; schema is JsonObject current && depth < 5; depth++)
        {
            if (current["$ref"]?.ToString() is { } reference)
            {
                schema = schemas[reference.Split('/')[^1]];
                continue;
            }

            // A nullable body is documented as one of (the record, null).
            if ((current["oneOf"] ?? current["anyOf"] ?? current["allOf"]) is JsonArray choices)
            {
                schema = choices.FirstOrDefault(c => c?["$ref"] is not null || c?["properties"] is not null);
                continue;
            }

            return current;
        }

        return null;
    }

    /// <summary>The route as the document names it: constraints and defaults dropped.</summary>
    private static string PathOf(RouteEndpoint endpoint) =>
        RouteParameter().Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), m => "{" + m.Groups[1].Value + "}");

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
