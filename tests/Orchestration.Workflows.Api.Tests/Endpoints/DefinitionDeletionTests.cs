using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>A definition with running instances is not deleted from under them, unless the caller cancels them.</summary>
public sealed class DefinitionDeletionTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task Deleting_a_definition_with_a_running_instance_is_refused_unless_its_instances_are_cancelled()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var definitionId = $"deletable-{Guid.NewGuid():N}"[..20];
        (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = ReferralFlowJson.Model(definitionId, "x"), publish = true }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var started = await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { });
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        var refused = await owner.DeleteAsync($"/elsa/api/workflow-definitions/{definitionId}");

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.ToString().Should().Contain("1 instance(s)");
        (await owner.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}")).StatusCode.Should().Be(HttpStatusCode.OK, "nothing was deleted");

        var deleted = await owner.DeleteAsync($"/elsa/api/workflow-definitions/{definitionId}?cancelRunningInstances=true");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var instance = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}");
        instance!["subStatus"]!.ToString().Should().Be("Cancelled");
    }
}
