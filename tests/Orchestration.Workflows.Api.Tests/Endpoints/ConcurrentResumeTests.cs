using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Testing.Hosting;
using Orchestration.Workflows.Persistence;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>Many requests resuming one instance at once: each is served, or refused in a way a client can retry; never 500.</summary>
public sealed class ConcurrentResumeTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task Fifty_concurrent_resumes_of_one_instance_all_succeed_or_get_a_clean_retryable_answer()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var model = ReferralFlowJson.Model($"pinged-{suffix}", "unused", $"Ping-{suffix}");
        var activities = model["root"]!["activities"]!.AsArray();
        activities.RemoveAt(2);
        activities.Add(ReferralFlowJson.Activity("Tick1", "Elsa.SetName", ("value", ReferralFlowJson.Literal("tick"))));
        var connections = model["root"]!["connections"]!.AsArray();
        connections.RemoveAt(1);
        connections.Add(ReferralFlowJson.Connection("Wait1", "Tick1"));
        connections.Add(ReferralFlowJson.Connection("Tick1", "Wait1")); // loops back: waits for the next ping
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        var started = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/pinged-{suffix}/execute", new { });
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var client = await fixture.Host.CreateClientForAsync("processowner");
            var response = await client.PostAsJsonAsync($"/elsa/api/events/Ping-{suffix}/trigger", new { workflowInstanceId = instanceId });
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonObject>(), response.Content.Headers.ContentType?.MediaType);
        }));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict || r.StatusCode == HttpStatusCode.ServiceUnavailable);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            refused.MediaType.Should().Be("application/problem+json", "a refusal says why, as ProblemDetails");
        }

        var resumed = responses.Where(r => r.StatusCode == HttpStatusCode.OK).Sum(r => r.Body!["count"]!.GetValue<int>());
        resumed.Should().BeGreaterThan(0);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var ticks = await db.Journal.CountAsync(j => j.WorkflowInstanceId == instanceId && j.ActivityId == "Tick1" && j.EventName == "Completed");
        ticks.Should().Be(resumed, "every answer that said it resumed the instance did, once");
        (await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId)).SubStatus.Should().Be("Suspended", "it waits for the next ping");
    }
}
