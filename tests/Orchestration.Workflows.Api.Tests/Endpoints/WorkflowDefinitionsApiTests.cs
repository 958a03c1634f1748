using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>Drafts, versions, publishing and running through Elsa's routes, against a real embedded host.</summary>
public sealed class WorkflowDefinitionsApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Instances_keep_their_version_while_new_ones_run_the_newly_published_one()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var id = $"versions-{Guid.NewGuid():N}"[..20];
        await SaveAsync(owner, ReferralFlowJson.Model(id, "v1"), publish: true);
        var first = await ExecuteAsync(owner, id, "case-1");

        var v2 = await SaveAsync(owner, ReferralFlowJson.Model(id, "v2"), publish: true);
        v2["workflowDefinition"]!["version"]!.GetValue<int>().Should().Be(2);
        var second = await ExecuteAsync(owner, id, "case-2");

        var triggered = await owner.PostAsJsonAsync("/elsa/api/events/IntakeCompleted/trigger", new { });
        triggered.StatusCode.Should().Be(HttpStatusCode.OK);

        (await OutputAsync(owner, first)).Should().Be("v1");
        (await OutputAsync(owner, second)).Should().Be("v2");
    }

    [Fact]
    public async Task Saving_onto_a_published_version_starts_a_new_draft_and_the_list_shows_both_states()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var id = $"drafts-{Guid.NewGuid():N}"[..20];
        await SaveAsync(owner, ReferralFlowJson.Model(id, "v1"), publish: true);

        var draft = await SaveAsync(owner, ReferralFlowJson.Model(id, "v2"), publish: false);

        draft["workflowDefinition"]!["version"]!.GetValue<int>().Should().Be(2);
        draft["workflowDefinition"]!["isPublished"]!.GetValue<bool>().Should().BeFalse();
        var latest = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}?versionOptions=Latest");
        latest!["version"]!.GetValue<int>().Should().Be(2);
        latest["links"]!.AsArray().Select(l => l!["rel"]!.ToString()).Should().Contain("publish", "Studio edits only with a publish link");
        var published = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}?versionOptions=Published");
        published!["version"]!.GetValue<int>().Should().Be(1);
        var all = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions?versionOptions=AllVersions&DefinitionIds={id}");
        all!["totalCount"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Publishing_an_invalid_change_is_refused_with_errors_naming_the_activities_and_saves_nothing()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var id = $"invalid-{Guid.NewGuid():N}"[..20];
        var model = ReferralFlowJson.Model(id, "v1");
        model["root"]!["connections"]!.AsArray().Add(ReferralFlowJson.Connection("Mark1", "Nowhere"));
        model["root"]!["activities"]![2]!["outputValue"] = new JsonObject
        {
            ["typeName"] = "Object",
            ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "return (1 + ;" },
        };

        var response = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!["generalErrors"]!.AsArray().Select(e => e!.ToString()).ToList();
        errors.Should().HaveCount(2);
        errors.Should().Contain(e => e.StartsWith("Mark1: A connection leads to 'Nowhere'", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("Mark1: The JavaScript expression of 'OutputValue' does not parse", StringComparison.Ordinal));
        problem["message"]!.ToString().Should().Be("The workflow cannot be published.");
        (await owner.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Importing_an_export_from_another_Elsa_server_normalises_it_into_a_draft()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "legacy-export.json"));

        var response = await owner.PostAsync("/elsa/api/workflow-definitions/import", new ByteArrayContent(file));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var imported = await response.Content.ReadFromJsonAsync<JsonObject>();
        imported!["isPublished"]!.GetValue<bool>().Should().BeFalse();
        imported["root"]!["connections"]![0]!["source"]!["activity"]!.ToString().Should().Be("Greet");
        var exported = await owner.GetStringAsync($"/elsa/api/workflow-definitions/{imported["definitionId"]}/export");
        JsonNode.Parse(exported)!["root"]!["activities"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task Only_process_owners_and_admins_change_definitions_and_everyone_signed_in_reads()
    {
        await AuthorizationMatrix.AssertAsync(Host, HttpMethod.Post, "/elsa/api/workflow-definitions/no-such/publish", "ProcessOwner", "Admin");
        await AuthorizationMatrix.AssertAsync(Host, HttpMethod.Get, "/elsa/api/workflow-definitions",
            "ProcessOwner", "SocialSecretary", "JobbtorgCoach", "WorkConsultant", "Coordinator", "Admin");
        using var reader = await Host.CreateClientForAsync("coordinator");
        var list = await reader.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions");
        list!["links"]!.AsArray().Select(l => l!["rel"]!.ToString()).Should().NotContain("bulk-publish", "read-only users get a read-only list");
    }

    [Fact]
    public async Task Executing_an_unknown_or_unpublished_definition_says_so()
    {
        using var owner = await Host.CreateClientForAsync("processowner");

        var response = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions/nope/execute", new { });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Headers.GetValues("x-elsa-workflow-cannot-start").Should().Equal("true");
    }

    private static async Task<JsonObject> SaveAsync(HttpClient client, JsonObject model, bool publish)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<string> ExecuteAsync(HttpClient client, string definitionId, string correlationId)
    {
        var response = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { correlationId });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var instance = await response.Content.ReadFromJsonAsync<JsonObject>();
        instance!["subStatus"]!.ToString().Should().Be("Suspended");
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    private static async Task<string?> OutputAsync(HttpClient client, string instanceId)
    {
        var instance = await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}");
        instance!["subStatus"]!.ToString().Should().Be("Finished");
        return instance["workflowState"]!["output"]!["Result"]?.ToString();
    }
}
