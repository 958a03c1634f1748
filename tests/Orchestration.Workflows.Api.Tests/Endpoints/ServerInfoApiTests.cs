using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestration.Testing.Hosting;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>The server facts Elsa Studio reads on load (ELSA-API.md §3.1).</summary>
public sealed class ServerInfoApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task Package_version_is_the_Elsa_version_we_speak()
    {
        using var client = await fixture.Host.CreateClientForAsync("processowner");

        var body = await client.GetFromJsonAsync<JsonElement>("/elsa/api/package/version");

        body.GetProperty("packageVersion").GetString().Should().Be("3.8.2");
    }

    [Fact]
    public async Task Installed_features_leave_out_realtime_updates_so_that_Studio_polls()
    {
        using var client = await fixture.Host.CreateClientForAsync("processowner");

        var body = await client.GetFromJsonAsync<JsonElement>("/elsa/api/features/installed");

        body.GetProperty("count").GetInt32().Should().Be(body.GetProperty("items").GetArrayLength());
        body.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("fullName").GetString())
            .Should().NotContain("Elsa.RealTimeWorkflowUpdates");
    }

    [Fact]
    public async Task Every_role_may_read_server_facts_but_anonymous_may_not()
    {
        await AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, "/elsa/api/package/version",
            "ProcessOwner", "SocialSecretary", "JobbtorgCoach", "WorkConsultant", "Coordinator", "Admin");
        using var anonymous = fixture.Host.CreateClient();
        (await anonymous.GetAsync("/elsa/api/features/installed")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
