using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>
/// Workflow instances are case data: a caseworker reads the instances of their own district's cases only, as the
/// services do (issue 13: a social secretary of Rinkeby-Kista read Spånga-Tensta's cases through the workflow API).
/// The shipped referral process starts from financial aid's ApplicationRegistered, which names the district.
/// </summary>
public sealed class InstanceDistrictScopeTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task Another_districts_caseworker_neither_lists_nor_reads_an_instance_while_its_own_district_and_process_owners_do()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        using var spangaSecretary = await fixture.Host.CreateClientForAsync("socialsecretary");
        using var rinkebySecretary = await fixture.Host.CreateClientForDistrictAsync("SocialSecretary", "rinkeby-kista");
        using var noDistrict = await fixture.Host.CreateClientForDistrictAsync("JobbtorgCoach", district: "");
        var registered = await spangaSecretary.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "19850315-0008" });
        registered.StatusCode.Should().Be(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var applicationId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["applicationId"]!.ToString();
        var instanceId = await Poll.UntilAsync(async () => (await ListAsync(owner, applicationId)).FirstOrDefault(), TimeSpan.FromSeconds(30),
            "the referral process started by the application");

        (await ListAsync(spangaSecretary, applicationId)).Should().Equal(instanceId);
        (await ListAsync(rinkebySecretary, applicationId)).Should().BeEmpty();
        (await ListAsync(noDistrict, applicationId)).Should().BeEmpty("an account of no district sees no district's cases");
        string[] reads =
        [
            $"/elsa/api/workflow-instances/{instanceId}",
            $"/elsa/api/workflow-instances/{instanceId}/execution-state",
            $"/elsa/api/workflow-instances/{instanceId}/journal",
            $"/elsa/api/workflow-instances/{instanceId}/variables",
            $"/elsa/api/workflow-instances/{instanceId}/incidents",
            $"/elsa/api/workflow-instances/{instanceId}/export",
            $"/elsa/api/activity-executions/list?workflowInstanceId={instanceId}",
            $"/elsa/api/activity-execution-summaries/list?workflowInstanceId={instanceId}",
        ];
        foreach (var path in reads)
        {
            (await owner.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, $"a process owner reads {path}");
            (await spangaSecretary.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, $"the case's own district reads {path}");
            var refused = await rinkebySecretary.GetAsync(path);
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"another district may not read {path}");
            var problem = (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!;
            problem.Detail.Should().NotContainEquivalentOf("spanga", "a refusal does not tell whose case it is");
        }

        var variables = await spangaSecretary.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}/variables");
        variables!["items"]!.AsArray().Select(v => $"{v!["name"]}={v["value"]}").Should().Contain("District=spanga-tensta");
    }

    private static async Task<List<string>> ListAsync(HttpClient client, string correlationId)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-instances", new { correlationId });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var ids = page["items"]!.AsArray().Select(i => i!["id"]!.ToString()).ToList();
        page["totalCount"]!.GetValue<int>().Should().Be(ids.Count, "the count must not reveal hidden instances");
        return ids;
    }
}
