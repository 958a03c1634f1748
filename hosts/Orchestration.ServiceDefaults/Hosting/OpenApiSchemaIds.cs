using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>
/// Schema names in the OpenAPI document. By default a nested record is named by its own name only, so the endpoint-local
/// <c>Request</c> records of twenty-odd endpoints collapsed into one schema and the reference showed one body for all
/// of them. A nested type is named with its module and the types that enclose it (<c>FinancialAidDecideRouteRequest</c>):
/// two modules may each have an endpoint of the same name (Jobbtorg's and Interventions' <c>CloseReferral</c>).
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

        return typeInfo.Type.DeclaringType is not null ? ModuleOf(typeInfo.Type) + id : id;
    }

    /// <summary>The module of a type in <c>Orchestration.&lt;Module&gt;.…</c>, else nothing.</summary>
    private static string ModuleOf(Type type) =>
        type.Namespace?.Split('.') is ["Orchestration", var module, ..] ? module : "";

    private static string NameOf(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
}
