using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>The workflow the runtime tests count with: a kept variable plus the payload of one awaited event.</summary>
internal static class CountedWorkflow
{
    /// <summary>Start → SetVariable(Kept=10) → Event("Proceed") → Count1 (JS adds the event's n) → done.</summary>
    public static JsonObject Definition() => JsonNode.Parse("""
        {
          "definitionId": "counted", "name": "Counted",
          "variables": [ { "id": "kept", "name": "Kept", "typeName": "Int32", "value": "0", "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver" } ],
          "outputs": [ { "type": "Object", "name": "Count" } ],
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start" },
              { "id": "Set1", "type": "Elsa.SetVariable", "variable": { "id": "kept", "name": "Kept" },
                "value": { "typeName": "Object", "expression": { "type": "Literal", "value": "10" } } },
              { "id": "Wait1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Proceed" } } },
              { "id": "Count1", "type": "Elsa.RunJavaScript",
                "script": { "typeName": "String", "expression": { "type": "Literal",
                  "value": "var p = getInput('__EventPayloadWorkflowInput'); return getKept() + (p && p.n ? p.n : 0);" } },
                "result": { "typeName": "Object", "memoryReference": { "id": "Count" } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Set1", "port": "In" } },
              { "source": { "activity": "Set1", "port": "Done" }, "target": { "activity": "Wait1", "port": "In" } },
              { "source": { "activity": "Wait1", "port": "Done" }, "target": { "activity": "Count1", "port": "In" } }
            ] } }
        """)!.AsObject();
}
