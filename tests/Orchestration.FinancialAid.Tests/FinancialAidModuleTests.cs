using Orchestration.Testing.Hosting;

namespace Orchestration.FinancialAid.Tests;

public sealed class FinancialAidModuleTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public Task Only_its_caseworker_roles_reach_the_module() =>
        AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, FinancialAidModule.RoutePrefix + "/", "SocialSecretary");

    [Fact]
    public Task The_module_sees_the_caller_with_their_district() =>
        ModuleStatusCheck.AssertCallerSeenAsync(fixture.Host, FinancialAidModule.RoutePrefix + "/", FinancialAidModule.Name, "SocialSecretary");
}
