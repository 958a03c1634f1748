using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestration.Workflows.Messaging.Contracts;

/// <summary>How contracts look to workflows: camelCase properties and codes as their names, as the services write them.</summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
