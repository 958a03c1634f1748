using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.Testing.Hosting;
using Orchestration.Workflows.Persistence;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>
/// Events named after a contract (RouteDecided, …) are facts only the owning service states. Through the workflows'
/// HTTP API a process owner may not state them (issue 13: a faked route decision opened an intervention referral
/// while financial aid had none); an Admin may, to repair a case, and it is audited. A workflow may not publish them.
/// </summary>
public sealed class ContractEventTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task A_process_owner_cannot_state_a_route_decision_by_event_name_nor_by_bookmark()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var (instanceId, correlationId) = await StartWaiterAsync(owner, "RouteDecided");

        var triggered = await owner.PostAsJsonAsync("/elsa/api/events/RouteDecided/trigger",
            new { correlationId, input = new { routes = new[] { "DistrictIntervention", "JobbtorgResurs" } } });

        triggered.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await triggered.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("only the service that owns it may state");
        var bookmarkId = (await InstanceAsync(owner, instanceId))["workflowState"]!["bookmarks"]!.AsArray().Single()!["id"]!.ToString();
        var resumed = await owner.PostAsJsonAsync($"/elsa/api/bookmarks/{bookmarkId}/resume", new { input = new { routes = new[] { "JobbtorgResurs" } } });
        resumed.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await InstanceAsync(owner, instanceId))["subStatus"]!.ToString().Should().Be("Suspended", "nothing was decided in financial aid");
    }

    [Fact]
    public async Task An_admin_may_raise_a_contract_event_to_repair_a_case_and_it_is_audited()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        using var admin = await fixture.Host.CreateClientForAsync("admin");
        var (instanceId, correlationId) = await StartWaiterAsync(owner, "RouteDecided");

        var triggered = await admin.PostAsJsonAsync("/elsa/api/events/RouteDecided/trigger", new { correlationId, input = new { routes = new[] { "JobbtorgResurs" } } });

        triggered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await InstanceAsync(owner, instanceId))["subStatus"]!.ToString().Should().Be("Finished");
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.CaseId == correlationId).ToListAsync();
        audit.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Actor = "admin", Action = AuditAction.EventRaised, CaseType = "WorkflowEvent:RouteDecided" });
    }

    [Fact]
    public async Task A_workflow_publishing_a_contract_event_does_not_reach_the_instances_waiting_on_it()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var (instanceId, correlationId) = await StartWaiterAsync(owner, "ConsentRecorded");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var faker = ReferralFlowJson.Model($"faker-{suffix}", "unused");
        var activities = faker["root"]!["activities"]!.AsArray();
        activities.Clear();
        activities.Add(ReferralFlowJson.Activity("Start1", "Elsa.Start"));
        activities.Add(ReferralFlowJson.Activity("Publish", "Elsa.PublishEvent", ("eventName", ReferralFlowJson.Literal("ConsentRecorded")),
            ("correlationId", ReferralFlowJson.Literal(correlationId))));
        var connections = faker["root"]!["connections"]!.AsArray();
        connections.Clear();
        connections.Add(ReferralFlowJson.Connection("Start1", "Publish"));
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = faker, publish = true })).StatusCode.Should().Be(HttpStatusCode.OK);

        var executed = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/faker-{suffix}/execute", new { });

        executed.StatusCode.Should().Be(HttpStatusCode.OK, await executed.Content.ReadAsStringAsync());
        (await InstanceAsync(owner, executed.Headers.GetValues("x-elsa-workflow-instance-id").Single()))["subStatus"]!.ToString().Should().Be("Finished");
        (await InstanceAsync(owner, instanceId))["subStatus"]!.ToString().Should().Be("Suspended", "only financial aid records a consent");
    }

    [Fact]
    public async Task Events_of_the_process_owners_own_design_still_run_through_http()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var (instanceId, correlationId) = await StartWaiterAsync(owner, "GoAhead");

        var triggered = await owner.PostAsJsonAsync("/elsa/api/events/GoAhead/trigger", new { correlationId });

        triggered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await InstanceAsync(owner, instanceId))["subStatus"]!.ToString().Should().Be("Finished");
    }

    private static async Task<(string InstanceId, string CorrelationId)> StartWaiterAsync(HttpClient owner, string eventName)
    {
        var definitionId = $"waiter-{Guid.NewGuid():N}"[..20];
        var saved = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions",
            new { model = ReferralFlowJson.Model(definitionId, "went on", eventName), publish = true });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var correlationId = Guid.NewGuid().ToString();
        var executed = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { correlationId });
        executed.StatusCode.Should().Be(HttpStatusCode.OK, await executed.Content.ReadAsStringAsync());
        var instanceId = executed.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        (await InstanceAsync(owner, instanceId))["subStatus"]!.ToString().Should().Be("Suspended");
        return (instanceId, correlationId);
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string instanceId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}"))!;
}
