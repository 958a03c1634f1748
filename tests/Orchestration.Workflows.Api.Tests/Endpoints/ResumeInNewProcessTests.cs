using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>The production profile over real processes: an instance suspended by one host is resumed by the next.</summary>
[Trait("Category", "Integration")]
public sealed class ResumeInNewProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_instance_suspended_in_a_killed_host_resumes_in_a_new_host_process()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        var key = await environment.CreateApiKeyAsync();
        var definitionId = "process-restart";
        string instanceId;

        await using (var first = HostProcess.Start(Path.GetTempPath(), environment.Variables()))
        {
            using var client = Client(await first.WaitUntilReadyAsync(StartTimeout), key);
            var saved = await client.PostAsJsonAsync("/elsa/api/workflow-definitions",
                new { model = ReferralFlowJson.Model(definitionId, "resumed elsewhere", "ConsentRecorded"), publish = true });
            saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            var executed = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { correlationId = "case-7" });
            executed.StatusCode.Should().Be(HttpStatusCode.OK, await executed.Content.ReadAsStringAsync());
            instanceId = executed.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        } // disposing kills the process: no graceful shutdown

        await using var second = HostProcess.Start(Path.GetTempPath(), environment.Variables());
        using var next = Client(await second.WaitUntilReadyAsync(StartTimeout), key);

        var triggered = await next.PostAsJsonAsync("/elsa/api/events/ConsentRecorded/trigger", new { correlationId = "case-7" });

        triggered.StatusCode.Should().Be(HttpStatusCode.OK);
        var instance = await next.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}");
        instance!["subStatus"]!.ToString().Should().Be("Finished");
        instance["workflowState"]!["output"]!["Result"]!.ToString().Should().Be("resumed elsewhere");
        var journal = await next.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}/journal?skip=0&take=100");
        journal!["items"]!.AsArray().Select(j => $"{j!["activityId"]} {j["eventName"]}")
            .Should().ContainInOrder("Wait1 Started", "Wait1 Suspended", "Wait1 Resumed", "Wait1 Completed", "Mark1 Completed");
    }

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }
}
