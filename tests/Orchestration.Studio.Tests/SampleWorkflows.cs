using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Studio.Tests;

/// <summary>The test's own workflow files (Workflows/), saved under a fresh definition id per test through the API.</summary>
public static class SampleWorkflows
{
    public static JsonObject Load(string fileName, string definitionId, string name)
    {
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", fileName)))!.AsObject();
        model["definitionId"] = definitionId;
        model["name"] = name;
        return model;
    }

    public static async Task<JsonObject> SaveAsync(HttpClient client, JsonObject model, bool publish)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> ExecuteAsync(HttpClient client, string definitionId)
    {
        var response = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
