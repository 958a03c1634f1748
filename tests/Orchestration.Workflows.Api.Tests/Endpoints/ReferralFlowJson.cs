using System.Text.Json.Nodes;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>A small definition of our own: wait for an event, then set the output Result to a marker of the version.</summary>
internal static class ReferralFlowJson
{
    public static JsonObject Model(string definitionId, string marker, string eventName = "IntakeCompleted") => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = $"Referral {definitionId}",
        ["outputs"] = new JsonArray(new JsonObject { ["type"] = "Object", ["name"] = "Result" }),
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "Flowchart1",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = new JsonArray(
                Activity("Start1", "Elsa.Start"),
                Activity("Wait1", "Elsa.Event", ("eventName", Literal(eventName))),
                Activity("Mark1", "Elsa.SetOutput", ("outputName", Literal("Result")), ("outputValue", Literal(marker)))),
            ["connections"] = new JsonArray(Connection("Start1", "Wait1"), Connection("Wait1", "Mark1")),
        },
    };

    public static JsonObject Literal(string value) => new()
    {
        ["typeName"] = "String",
        ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
    };

    public static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }

    public static JsonObject Connection(string source, string target, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
