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

    [Fact]
    public async Task Bulk_deletes_are_refused_as_a_whole_while_any_of_the_definitions_or_versions_has_a_running_instance()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var busy = $"busy-{Guid.NewGuid():N}"[..20];
        var idle = $"idle-{Guid.NewGuid():N}"[..20];
        string? busyVersionId = null;
        foreach (var definitionId in new[] { busy, idle })
        {
            var saved = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = ReferralFlowJson.Model(definitionId, "x"), publish = true });
            saved.StatusCode.Should().Be(HttpStatusCode.OK);
            busyVersionId ??= (await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}"))!["id"]!.ToString();
        }

        (await owner.PostAsJsonAsync($"/elsa/api/workflow-definitions/{busy}/execute", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var byDefinition = await owner.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id", new { definitionIds = new[] { idle, busy } });
        var byVersion = await owner.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-definitions/by-id", new { ids = new[] { busyVersionId } });
        var oneVersion = await owner.DeleteAsync($"/elsa/api/workflow-definition-versions/{busyVersionId}");

        foreach (var refused in new[] { byDefinition, byVersion, oneVersion })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.ToString().Should().Contain("(1)").And.Contain("nothing was deleted");
        }

        foreach (var definitionId in new[] { busy, idle })
        {
            (await owner.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}")).StatusCode.Should().Be(HttpStatusCode.OK, "nothing was deleted");
        }

        var allowed = await owner.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id", new { definitionIds = new[] { idle } });
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await allowed.Content.ReadFromJsonAsync<JsonObject>())!["deleted"]!.GetValue<int>().Should().Be(1);
    }
}
