using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Api.Endpoints;

/// <summary>Instance, summary and journal shapes as Studio reads them (ELSA-API.md §6.2, §6.3).</summary>
internal static class InstanceModels
{
    public static JsonObject Instance(WorkflowState state)
    {
        var summary = Summary(state);
        summary["workflowState"] = new JsonObject
        {
            ["id"] = state.Id,
            ["definitionId"] = state.DefinitionId,
            ["definitionVersionId"] = state.DefinitionVersionId,
            ["definitionVersion"] = state.DefinitionVersion,
            ["correlationId"] = state.CorrelationId,
            ["status"] = state.Status.ToString(),
            ["subStatus"] = state.SubStatus.ToString(),
            ["bookmarks"] = JsonSerializer.SerializeToNode(state.Bookmarks, WorkflowStateSerializer.Options),
            ["incidents"] = StackTraces.Strip(JsonSerializer.SerializeToNode(state.Incidents, WorkflowStateSerializer.Options)),
            ["fault"] = null,
            ["completionCallbacks"] = new JsonArray(),
            ["activityExecutionContexts"] = new JsonArray(state.Executions.Select(e => (JsonNode?)new JsonObject
            {
                ["id"] = e.Id,
                ["parentContextId"] = e.ParentId,
                ["scheduledActivityNodeId"] = e.NodeId,
                ["ownerActivityNodeId"] = null,
                ["properties"] = e.Properties.DeepClone(),
                ["activityState"] = e.ActivityState.DeepClone(),
                ["dynamicVariables"] = new JsonArray(),
                ["status"] = e.Status.ToString(),
            }).ToArray()),
            ["input"] = state.Input.DeepClone(),
            ["output"] = state.Output.DeepClone(),
            ["properties"] = state.Properties.DeepClone(),
            ["createdAt"] = state.CreatedAt.ToString("O"),
            ["updatedAt"] = state.UpdatedAt.ToString("O"),
            ["finishedAt"] = state.FinishedAt?.ToString("O"),
        };
        return summary;
    }

    public static JsonObject Summary(WorkflowState state) => new()
    {
        ["id"] = state.Id,
        ["definitionId"] = state.DefinitionId,
        ["definitionVersionId"] = state.DefinitionVersionId,
        ["version"] = state.DefinitionVersion,
        ["status"] = state.Status.ToString(),
        ["subStatus"] = state.SubStatus.ToString(),
        ["correlationId"] = state.CorrelationId,
        ["name"] = state.Name,
        ["incidentCount"] = state.Incidents.Count,
        ["createdAt"] = state.CreatedAt.ToString("O"),
        ["updatedAt"] = state.UpdatedAt.ToString("O"),
        ["finishedAt"] = state.FinishedAt?.ToString("O"),
    };

    public static JsonObject Summary(WorkflowInstanceRecord record) => new()
    {
        ["id"] = record.Id,
        ["definitionId"] = record.DefinitionId,
        ["definitionVersionId"] = record.DefinitionVersionId,
        ["version"] = record.Version,
        ["status"] = record.Status,
        ["subStatus"] = record.SubStatus,
        ["correlationId"] = record.CorrelationId,
        ["name"] = record.Name,
        ["incidentCount"] = record.IncidentCount,
        ["createdAt"] = record.CreatedAt.ToString("O"),
        ["updatedAt"] = record.UpdatedAt.ToString("O"),
        ["finishedAt"] = record.FinishedAt?.ToString("O"),
    };

    public static JsonObject Journal(JournalRecord record) => new()
    {
        ["id"] = record.Id,
        ["activityInstanceId"] = record.ActivityInstanceId,
        ["parentActivityInstanceId"] = record.ParentActivityInstanceId,
        ["activityId"] = record.ActivityId,
        ["activityType"] = record.ActivityType,
        ["activityTypeVersion"] = record.ActivityTypeVersion,
        ["activityName"] = record.ActivityName,
        ["nodeId"] = record.NodeId,
        ["timestamp"] = record.Timestamp.ToString("O"),
        ["sequence"] = record.Sequence,
        ["eventName"] = record.EventName,
        ["message"] = record.Message,
        ["source"] = record.Source,
        ["activityState"] = null,
        ["payload"] = record.Payload is null ? null : JsonNode.Parse(record.Payload),
    };
}
