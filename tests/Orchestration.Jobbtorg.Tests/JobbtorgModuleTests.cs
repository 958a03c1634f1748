using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests;

public sealed class JobbtorgModuleTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public Task Only_its_caseworker_roles_reach_the_module() =>
        AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, JobbtorgModule.RoutePrefix + "/", "JobbtorgCoach");

    [Fact]
    public Task The_module_sees_the_caller_with_their_district() =>
        ModuleStatusCheck.AssertCallerSeenAsync(fixture.Host, JobbtorgModule.RoutePrefix + "/", JobbtorgModule.Name, "JobbtorgCoach");
}
