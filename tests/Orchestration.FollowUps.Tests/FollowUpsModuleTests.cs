using Orchestration.Testing.Hosting;

namespace Orchestration.FollowUps.Tests;

public sealed class FollowUpsModuleTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public Task Only_its_caseworker_roles_reach_the_module() =>
        AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, FollowUpsModule.RoutePrefix + "/", "Coordinator", "SocialSecretary");

    [Fact]
    public Task The_module_sees_the_caller_with_their_district() =>
        ModuleStatusCheck.AssertCallerSeenAsync(fixture.Host, FollowUpsModule.RoutePrefix + "/", FollowUpsModule.Name, "Coordinator");
}
