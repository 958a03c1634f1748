using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Orchestration.Testing.Hosting;

namespace Orchestration.Host.Tests.Workflows;

/// <summary>
/// A host killed with SIGKILL right after a burst's commit: what the burst set off (a published event, a dispatched
/// child, the parent's resumption when that child finishes) is in its follow-up rows, and the restarted host carries
/// it out. The first host is told to leave its follow-ups to its processor, which it only runs at start, so the kill
/// always lands between the commit and the follow-ups.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FollowUpCrashTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("orchestration-crash-").FullName;

    [Fact]
    public async Task A_host_killed_right_after_a_bursts_commit_publishes_dispatches_and_resumes_the_parent_after_restart()
    {
        string parentId;
        string listenerId;
        await using (var killed = HostProcess.Start(_workingDirectory, Settings(
            ("Workflows__Runtime__RunFollowUpsBeforeAnswering", "false"),
            ("Workflows__Runtime__FollowUpLease", "00:00:02"),
            ("Workflows__Runtime__FollowUpInterval", "01:00:00"))))
        {
            using var client = await SignInAsync(await killed.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)));
            foreach (var model in new[] { Child(), Parent(), Listener() })
            {
                var saved = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });
                saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            }

            listenerId = (await ExecuteAsync(client, "crash-listener"))["id"]!.ToString();
            var parent = await ExecuteAsync(client, "crash-parent");
            parentId = parent["id"]!.ToString();
            parent["subStatus"]!.ToString().Should().Be("Suspended");
            FollowUpKinds().Should().BeEquivalentTo(["PublishEvent", "Dispatch"], "committed with the parent's burst, not yet carried out");
        } // SIGKILL (Process.Kill) of the host and its process tree.

        await using var restarted = HostProcess.Start(_workingDirectory, Settings(("Workflows__Runtime__FollowUpInterval", "00:00:01")));
        using var after = await SignInAsync(await restarted.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)));

        var finished = await Poll.UntilAsync(async () =>
        {
            var instance = await after.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{parentId}");
            return instance!["subStatus"]!.ToString() == "Finished" ? instance : null;
        }, TimeSpan.FromSeconds(60), "the parent to finish after the restart");
        finished["workflowState"]!["output"]!["Answer"]!.GetValue<long>().Should().Be(42, "the dispatched child ran and handed its output back");
        // The two follow-ups are carried out independently: the parent may finish before the event reaches the listener.
        await Poll.UntilAsync(async () =>
        {
            var listener = await after.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{listenerId}");
            return listener!["subStatus"]!.ToString() == "Finished" ? listener : null;
        }, TimeSpan.FromSeconds(60), "the published event to resume the listener");
        // A row is deleted just after what it set off is done.
        await Poll.UntilAsync(() => Task.FromResult(FollowUpKinds() is [] ? "none left" : null), TimeSpan.FromSeconds(30), "every follow-up row to be deleted");
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    private static Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Workflows__SeedDefinitions"] = "false",
            ["Modules__FinancialAid"] = "false",
            ["Modules__Jobbtorg"] = "false",
            ["Modules__Interventions"] = "false",
            ["Modules__FollowUps"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private List<string> FollowUpKinds()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_workingDirectory, "data", "orchestration.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Kind\" FROM \"workflows_FollowUps\"";
        using var reader = command.ExecuteReader();
        var kinds = new List<string>();
        while (reader.Read())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }

    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var login = await client.PostAsJsonAsync("/elsa/api/identity/login", new { username = "processowner", password = "processowner-local" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<LoginResult>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonObject> ExecuteAsync(HttpClient client, string definitionId)
    {
        var response = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { correlationId = "case-crash" });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Child() => JsonNode.Parse("""
        {
          "definitionId": "crash-child", "name": "Crash child",
          "outputs": [ { "type": "Object", "name": "Answer" } ],
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Answer1", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Answer" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getInput('x') * 2" } } }
            ],
            "connections": [] } }
        """)!.AsObject();

    /// <summary>Start → PublishEvent "CrashGo" (own correlation), and Start → DispatchWorkflow crash-child (x = 21, waits) → Answer.</summary>
    private static JsonObject Parent() => JsonNode.Parse("""
        {
          "definitionId": "crash-parent", "name": "Crash parent",
          "variables": [ { "id": "child", "name": "Child", "typeName": "Object", "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver" } ],
          "outputs": [ { "type": "Object", "name": "Answer" } ],
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start" },
              { "id": "Publish1", "type": "Elsa.PublishEvent", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "CrashGo" } },
                "correlationId": { "typeName": "String", "expression": { "type": "JavaScript", "value": "getCorrelationId()" } } },
              { "id": "Run1", "type": "Elsa.DispatchWorkflow", "workflowDefinitionId": { "typeName": "String", "expression": { "type": "Literal", "value": "crash-child" } },
                "input": { "typeName": "ObjectDictionary", "expression": { "type": "Object", "value": "{\"x\":21}" } },
                "waitForCompletion": { "typeName": "Boolean", "expression": { "type": "Literal", "value": "true" } },
                "result": { "typeName": "Object", "memoryReference": { "id": "child" } } },
              { "id": "Answer1", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Answer" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getChild().Answer" } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Publish1", "port": "In" } },
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Run1", "port": "In" } },
              { "source": { "activity": "Run1", "port": "Done" }, "target": { "activity": "Answer1", "port": "In" } }
            ] } }
        """)!.AsObject();

    private static JsonObject Listener() => JsonNode.Parse("""
        {
          "definitionId": "crash-listener", "name": "Crash listener",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [ { "id": "Wait1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "CrashGo" } } } ],
            "connections": [] } }
        """)!.AsObject();
}
