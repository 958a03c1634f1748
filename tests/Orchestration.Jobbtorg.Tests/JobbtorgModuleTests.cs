using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests;

public sealed class JobbtorgModuleTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const int EndpointCount = 17;

    [Fact]
    public Task Only_its_caseworker_roles_reach_the_module() =>
        AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, JobbtorgModule.RoutePrefix + "/", "JobbtorgCoach");

    [Fact]
    public Task The_module_sees_the_caller_with_their_district() =>
        ModuleStatusCheck.AssertCallerSeenAsync(fixture.Host, JobbtorgModule.RoutePrefix + "/", JobbtorgModule.Name, "JobbtorgCoach");

    [Fact]
    public void Every_endpoint_of_the_module_names_a_policy()
    {
        var endpoints = ModuleEndpoints.Routed(fixture.Host, JobbtorgModule.RoutePrefix);

        endpoints.Should().HaveCount(EndpointCount);
        endpoints.Should().OnlyContain(e => ModuleEndpoints.NamesAPolicy(e));
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_OpenAPI_document_with_a_summary()
    {
        var operations = await ModuleEndpoints.DocumentedAsync(fixture.Host, JobbtorgModule.RoutePrefix);

        operations.Should().HaveCount(EndpointCount);
        operations.Should().OnlyContain(o => !string.IsNullOrWhiteSpace(o.Summary));
        operations.Select(o => o.Route).Should().Contain([
            "POST /api/jobbtorg/referrals/{id}/intake", "POST /api/jobbtorg/referrals/{id}/re-referral", "GET /api/jobbtorg/re-referrals/{id}",
            "POST /api/jobbtorg/code-lists/{list}", "DELETE /api/jobbtorg/code-lists/{list}/{code}"]);
    }
}
