using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests;

public sealed class JobbtorgModuleTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const int EndpointCount = 16;

    [Fact]
    public Task Only_its_caseworker_roles_reach_the_module() =>
        AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, JobbtorgModule.RoutePrefix + "/", "JobbtorgCoach");

    [Fact]
    public Task The_module_sees_the_caller_with_their_district() =>
        ModuleStatusCheck.AssertCallerSeenAsync(fixture.Host, JobbtorgModule.RoutePrefix + "/", JobbtorgModule.Name, "JobbtorgCoach");

    [Fact]
    public void Every_endpoint_of_the_module_names_a_policy()
    {
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(JobbtorgModule.RoutePrefix, StringComparison.Ordinal))
            .ToList();

        endpoints.Should().HaveCount(EndpointCount);
        endpoints.Should().OnlyContain(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy != null));
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_OpenAPI_document_with_a_summary()
    {
        using var client = fixture.Host.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith(JobbtorgModule.RoutePrefix, StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Route: $"{o.Key.ToUpperInvariant()} {p.Key}", Summary: o.Value!["summary"]?.GetValue<string>())))
            .ToList();
        operations.Should().HaveCount(EndpointCount);
        operations.Should().OnlyContain(o => !string.IsNullOrWhiteSpace(o.Summary));
        operations.Select(o => o.Route).Should().Contain([
            "POST /api/jobbtorg/referrals/{id}/intake", "POST /api/jobbtorg/referrals/{id}/re-referral", "GET /api/jobbtorg/re-referrals/{id}",
            "POST /api/jobbtorg/code-lists/{list}", "DELETE /api/jobbtorg/code-lists/{list}/{code}"]);
    }
}
