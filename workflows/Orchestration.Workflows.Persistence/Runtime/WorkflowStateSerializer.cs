using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>The instance state as stored: camelCase JSON with enums as strings (the same shape the API shows).</summary>
public static class WorkflowStateSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? throw new JsonException("Empty workflow state.");
}
