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
}
