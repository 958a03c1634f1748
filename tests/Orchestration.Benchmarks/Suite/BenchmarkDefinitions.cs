using System.Text.Json.Nodes;

namespace Orchestration.Benchmarks.Suite;

/// <summary>The workflows the suite runs, as Elsa 3 JSON.</summary>
public static class BenchmarkDefinitions
{
    public const string ApprovalEvent = "ApplicationApproved";

    /// <summary>Activities our engine executes per approval run: flowchart, start, event, decision, set variable.</summary>
    public const int ApprovalActivities = 5;

    /// <summary>
    /// The peer workflow: start, wait for an event, decide on its payload (JavaScript, as a designer would write
    /// it), write the outcome to a variable, finish.
    /// </summary>
    public static JsonObject Approval() => new()
    {
        ["definitionId"] = "approval",
        ["name"] = "Approval",
        ["variables"] = new JsonArray
        {
            Variable("payload", "Payload", "Object"),
            Variable("outcome", "Outcome", "String"),
        },
        ["root"] = new JsonObject
        {
            ["id"] = "Flowchart1",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = new JsonArray
            {
                new JsonObject { ["id"] = "Start1", ["type"] = "Elsa.Start" },
                new JsonObject
                {
                    ["id"] = "Approved",
                    ["type"] = "Elsa.Event",
                    ["eventName"] = Literal("String", ApprovalEvent),
                    ["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "payload" } },
                },
                new JsonObject
                {
                    ["id"] = "Decide",
                    ["type"] = "Elsa.FlowDecision",
                    ["condition"] = new JsonObject
                    {
                        ["typeName"] = "Boolean",
                        ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getPayload().amount > 100" },
                    },
                },
                SetOutcome("Grant", "granted"),
                SetOutcome("Refuse", "refused"),
            },
            ["connections"] = new JsonArray
            {
                Connection("Start1", "Done", "Approved"),
                Connection("Approved", "Done", "Decide"),
                Connection("Decide", "True", "Grant"),
                Connection("Decide", "False", "Refuse"),
            },
        },
    };

    /// <summary><paramref name="steps"/> Correlate activities with literals in a line: the runtime's own cost per activity.</summary>
    public static JsonObject Linear(int steps)
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        for (var i = 0; i < steps; i++)
        {
            activities.Add(new JsonObject
            {
                ["id"] = $"Step{i}",
                ["type"] = "Elsa.Correlate",
                ["correlationId"] = Literal("String", $"step-{i}"),
            });
            if (i > 0)
            {
                connections.Add(Connection($"Step{i - 1}", "Done", $"Step{i}"));
            }
        }

        return new JsonObject
        {
            ["definitionId"] = "linear",
            ["name"] = "Linear",
            ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
    }

    private static JsonObject SetOutcome(string id, string value) => new()
    {
        ["id"] = id,
        ["type"] = "Elsa.SetVariable",
        ["variable"] = new JsonObject { ["id"] = "outcome", ["name"] = "Outcome", ["typeName"] = "String" },
        ["value"] = Literal("Object", value),
    };

    private static JsonObject Variable(string id, string name, string type) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["typeName"] = type,
        ["isArray"] = false,
        ["value"] = null,
        ["storageDriverTypeName"] = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
    };

    private static JsonObject Literal(string type, string value) =>
        new() { ["typeName"] = type, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
