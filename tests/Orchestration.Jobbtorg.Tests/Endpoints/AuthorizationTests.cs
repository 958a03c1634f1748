using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests.Endpoints;

/// <summary>Each role against each Jobbtorg endpoint: coaches do the casework, process owners edit the lists, social secretaries read re-referrals.</summary>
public sealed class AuthorizationTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Route = JobbtorgCase.Route;
    private static readonly string Id = Guid.NewGuid().ToString();
    private static readonly string InterventionId = Guid.NewGuid().ToString();

    public static TheoryData<string, string, string[]> Endpoints() => new()
    {
        { "GET", $"{Route}/referrals", ["JobbtorgCoach"] },
        { "GET", $"{Route}/referrals/{Id}", ["JobbtorgCoach"] },
        { "POST", $"{Route}/referrals/{Id}/intake", ["JobbtorgCoach"] },
        { "POST", $"{Route}/referrals/{Id}/fia-job-part", ["JobbtorgCoach"] },
        { "POST", $"{Route}/referrals/{Id}/resurs-intake", ["JobbtorgCoach"] },
        { "POST", $"{Route}/referrals/{Id}/interventions", ["JobbtorgCoach"] },
        { "POST", $"{Route}/referrals/{Id}/interventions/{InterventionId}/start", ["JobbtorgCoach"] },
        { "POST", $"{Route}/referrals/{Id}/interventions/{InterventionId}/end", ["JobbtorgCoach"] },
        { "POST", $"{Route}/referrals/{Id}/re-referral", ["JobbtorgCoach"] },
        { "POST", $"{Route}/referrals/{Id}/close", ["JobbtorgCoach"] },
        { "GET", $"{Route}/intervention-kinds", ["JobbtorgCoach"] },
        { "GET", $"{Route}/re-referral-reasons", ["JobbtorgCoach"] },
        { "GET", $"{Route}/re-referrals/{Id}", ["JobbtorgCoach", "SocialSecretary"] },
        { "GET", $"{Route}/code-lists/re-referral-reasons", ["ProcessOwner", "Admin"] },
        { "POST", $"{Route}/code-lists/re-referral-reasons", ["ProcessOwner", "Admin"] },
        { "PUT", $"{Route}/code-lists/intervention-kinds/WorkTraining", ["ProcessOwner", "Admin"] },
        { "DELETE", $"{Route}/code-lists/intervention-kinds/NoSuchCode", ["ProcessOwner", "Admin"] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public Task Only_the_allowed_roles_reach_the_endpoint(string method, string path, string[] allowedRoles) =>
        AuthorizationMatrix.AssertAsync(fixture.Host, new HttpMethod(method), path, allowedRoles);
}
