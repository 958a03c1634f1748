using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Testing.Hosting;
using Orchestration.Workflows.Persistence;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>An instance that nothing can move on any more is listed for the process owner and makes /health/ready Degraded (still 200).</summary>
public sealed class StuckInstancesApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task An_instance_that_lost_its_bookmark_is_listed_and_readiness_is_degraded_with_the_count()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        using var anonymous = fixture.Host.CreateClient();
        var definitionId = $"stuck-{Guid.NewGuid():N}"[..20];
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = ReferralFlowJson.Model(definitionId, "x"), publish = true }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var started = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { });
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        (await owner.GetFromJsonAsync<JsonObject>("/elsa/api/runtime/stuck"))!["count"]!.GetValue<int>().Should().Be(0, "it waits on a live bookmark");
        (await StuckCheckAsync(anonymous))["status"]!.ToString().Should().Be("Healthy");

        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Bookmarks.Where(b => b.WorkflowInstanceId == instanceId).ExecuteDeleteAsync();
        }

        var stuck = await owner.GetFromJsonAsync<JsonObject>("/elsa/api/runtime/stuck");
        stuck!["count"]!.GetValue<int>().Should().Be(1);
        stuck["items"]!.AsArray().Single()!["id"]!.ToString().Should().Be(instanceId);
        var check = await StuckCheckAsync(anonymous);
        check["status"]!.ToString().Should().Be("Degraded");
        check["description"]!.ToString().Should().StartWith("1 workflow instance(s) wait");

        using var coordinator = await fixture.Host.CreateClientForAsync("coordinator");
        (await coordinator.GetAsync("/elsa/api/runtime/stuck")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonObject> StuckCheckAsync(HttpClient client)
    {
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK, "a stuck instance needs an operator, not a node out of rotation");
        var report = (await ready.Content.ReadFromJsonAsync<JsonObject>())!;
        return report["checks"]!.AsArray().Single(c => c!["name"]!.ToString() == "workflows-stuck-instances")!.AsObject();
    }
}
