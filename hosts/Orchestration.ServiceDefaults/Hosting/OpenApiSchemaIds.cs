using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>
/// Schema names in the OpenAPI document. By default a nested record is named by its own name only, so the endpoint-local
/// <c>Request</c> records of twenty-odd endpoints collapsed into one schema and the reference showed one body for all
/// of them. A nested type is named with the types that enclose it (<c>DecideRouteRequest</c>).
/// </summary>
internal static class OpenApiSchemaIds
{
    public static string? Create(JsonTypeInfo typeInfo)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        if (id is null)
        {
            return null;
        }

        for (var outer = typeInfo.Type.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            id = NameOf(outer) + id;
        }

        return id;
    }

    private static string NameOf(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
}
