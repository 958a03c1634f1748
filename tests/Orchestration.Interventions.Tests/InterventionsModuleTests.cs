using Orchestration.Testing.Hosting;

namespace Orchestration.Interventions.Tests;

public sealed class InterventionsModuleTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public Task Only_its_caseworker_roles_reach_the_module() =>
        AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, InterventionsModule.RoutePrefix + "/", "WorkConsultant", "SocialSecretary");

    [Fact]
    public Task The_module_sees_the_caller_with_their_district() =>
        ModuleStatusCheck.AssertCallerSeenAsync(fixture.Host, InterventionsModule.RoutePrefix + "/", InterventionsModule.Name, "WorkConsultant");

    [Fact]
    public void Every_endpoint_of_the_module_names_a_policy()
    {
        var endpoints = ModuleEndpoints.Routed(fixture.Host, InterventionsModule.RoutePrefix);

        endpoints.Should().HaveCount(19);
        endpoints.Should().OnlyContain(e => ModuleEndpoints.NamesAPolicy(e));
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_OpenAPI_document_with_a_summary()
    {
        var operations = await ModuleEndpoints.DocumentedAsync(fixture.Host, InterventionsModule.RoutePrefix);

        operations.Should().HaveCount(19);
        operations.Should().OnlyContain(o => !string.IsNullOrWhiteSpace(o.Summary));
        operations.Select(o => o.Route).Should().Contain([
            "PUT /api/interventions/referrals/{id}/intervention", "POST /api/interventions/referrals/{id}/follow-ups",
            "POST /api/interventions/referrals/{id}/transfer-to-jobbtorg-resurs", "POST /api/interventions/catalogue"]);
    }
}
