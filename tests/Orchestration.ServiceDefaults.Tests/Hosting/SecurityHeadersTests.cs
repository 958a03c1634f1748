using System.Net;
using Orchestration.Testing.Hosting;

namespace Orchestration.ServiceDefaults.Tests.Hosting;

/// <summary>
/// Browser protections on every answer (issue 13: none on /studio or the API, and "Server: Kestrel"). That Studio's
/// WebAssembly still runs under its policy is shown by the Studio browser tests, which fail on any console error.
/// </summary>
public sealed class SecurityHeadersTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Theory]
    [InlineData("/studio/", "script-src 'self' 'wasm-unsafe-eval'")]
    [InlineData("/scalar/", "default-src 'self'")]
    [InlineData("/elsa/api/workflow-definitions", "default-src 'none'")]
    [InlineData("/api/financial-aid/applications/not-a-guid", "default-src 'none'")]
    [InlineData("/health/live", "default-src 'none'")]
    [InlineData("/no/such/path", "default-src 'none'")]
    public async Task Every_answer_forbids_sniffing_framing_and_referrers_and_names_no_server(string path, string policy)
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        var csp = response.Headers.GetValues("Content-Security-Policy").Should().ContainSingle().Subject;
        csp.Should().Contain(policy).And.Contain("frame-ancestors 'none'").And.NotContain("'unsafe-eval'");
        response.Headers.Contains("Server").Should().BeFalse($"GET {path} answered {response.StatusCode} naming its server");
    }

    [Fact]
    public async Task The_studio_page_itself_is_served_under_its_policy()
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync("/studio/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("connect-src 'self'").And.Contain("object-src 'none'");
    }
}
