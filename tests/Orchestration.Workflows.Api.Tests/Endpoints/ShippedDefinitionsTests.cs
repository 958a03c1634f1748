using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>The referral process in workflows/definitions is published on a fresh database, and only then.</summary>
public sealed class ShippedDefinitionsTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task The_referral_process_is_published_on_first_start_and_starts_on_an_application()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");

        var definition = await owner.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions/by-definition-id/referral-process?versionOptions=Published");

        definition!["isPublished"]!.GetValue<bool>().Should().BeTrue();
        definition["version"]!.GetValue<int>().Should().Be(1);
        definition["root"]!["activities"]!.AsArray().Select(a => a!["type"]!.ToString())
            .Should().Contain(["Elsa.Event", "InitialMapping", "FiaAssessment", "ActOnRouteDecision", "Orchestration.Messaging.SendReceiveReReferral",
                "Orchestration.Messaging.SendCloseCase", "Elsa.Finish"], "the steps are workflows used as activities, published before it");
        foreach (var (definitionId, command) in new (string, string?)[]
        {
            ("initial-mapping", "SendIssueJobbtorgReferral"), ("route-decision", "SendIssueJobbtorgReferral"), ("fia-assessment", null),
            ("district-intervention", "SendScheduleFollowUps"),
        })
        {
            var step = await owner.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published");
            step!["isPublished"]!.GetValue<bool>().Should().BeTrue(definitionId);
            if (command is not null)
            {
                step["root"]!["activities"]!.AsArray().Select(a => a!["type"]!.ToString()).Should().Contain($"Orchestration.Messaging.{command}");
            }
        }
    }

    [Fact]
    public async Task A_process_owners_own_version_is_kept_when_the_host_starts_again()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "orchestration-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var host = await TestHost.StartAsync($"Orchestration:DataFolder={dataFolder}"))
            {
                using var owner = await host.CreateClientForAsync("processowner");
                var definition = await owner.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions/by-definition-id/referral-process");
                definition!["description"] = "Edited by the process owner";
                (await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = definition, publish = true })).EnsureSuccessStatusCode();
            }

            await using var restarted = await TestHost.StartAsync($"Orchestration:DataFolder={dataFolder}");

            using var client = await restarted.CreateClientForAsync("processowner");
            var latest = await client.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions/by-definition-id/referral-process");
            latest!["version"]!.GetValue<int>().Should().Be(2);
            latest["description"]!.ToString().Should().Be("Edited by the process owner");
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
