using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Testing.Hosting;

namespace Orchestration.ServiceDefaults.Tests.Security;

/// <summary>Every endpoint states who may call it; whatever does not is denied.</summary>
public sealed class DefaultDenyTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public void Every_endpoint_of_the_host_declares_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Should().NotBeEmpty();
        endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .Should().BeEmpty("an endpoint without a policy would fall to the deny-all fallback and be unusable");
    }

    [Fact]
    public void Anonymous_endpoints_are_only_health_docs_login_the_Studio_page_and_the_caseworkers_pages()
    {
        var anonymous = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!)
            .ToList();

        // The Studio shell and bundle, and the caseworkers' pages, hold no data; every call they make to the API carries the user's token.
        anonymous.Should().OnlyContain(p =>
            p.StartsWith("/health/") || p.StartsWith("/openapi/") || p.StartsWith("/scalar") || p.StartsWith("/elsa/api/identity/")
            || p == "/" || p.StartsWith("/studio/") || p.StartsWith("/pages/"));
    }

    [Fact]
    public async Task An_unknown_path_is_denied_rather_than_revealed()
    {
        using var client = fixture.Host.CreateClient();

        (await client.GetAsync("/api/not-a-module/anything")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_and_api_reference_are_open()
    {
        using var client = fixture.Host.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        openApi.Should().Contain("/elsa/api/identity/login").And.Contain("/api/access/api-keys");
        (await client.GetAsync("/scalar/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
