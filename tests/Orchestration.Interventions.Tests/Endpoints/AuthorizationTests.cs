using Orchestration.Testing.Hosting;

namespace Orchestration.Interventions.Tests.Endpoints;

/// <summary>Each endpoint against every role: intervention staff handle referrals, everyone reads the catalogue, its providers maintain it.</summary>
public sealed class AuthorizationTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private static readonly string Referral = $"/api/interventions/referrals/{Guid.NewGuid()}";

    public static TheoryData<string, string> StaffEndpoints => new()
    {
        { "GET", "/api/interventions/readiness-items" },
        { "GET", "/api/interventions/referrals" },
        { "GET", Referral },
        { "PUT", Referral + "/intervention" },
        { "POST", Referral + "/three-party-talks" },
        { "PUT", Referral + "/assignment" },
        { "PUT", Referral + "/work-plan" },
        { "PUT", Referral + "/implementation-plan" },
        { "PUT", Referral + "/aid-decision" },
        { "POST", Referral + "/start" },
        { "POST", Referral + "/follow-ups" },
        { "GET", Referral + $"/follow-ups/{Guid.NewGuid()}" },
        { "POST", Referral + "/transfer-to-jobbtorg-resurs" },
        { "POST", Referral + "/close" },
    };

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    public Task Referral_endpoints_admit_work_consultants_and_social_secretaries_only(string method, string path) =>
        AuthorizationMatrix.AssertAsync(fixture.Host, new HttpMethod(method), path, "WorkConsultant", "SocialSecretary");

    [Theory]
    [InlineData("/api/interventions/catalogue")]
    [InlineData("/api/interventions/catalogue/5e6e1c1a-0001-4000-8000-000000000001")]
    public Task Every_role_reads_the_catalogue(string path) =>
        AuthorizationMatrix.AssertAsync(fixture.Host, HttpMethod.Get, path,
            "ProcessOwner", "SocialSecretary", "JobbtorgCoach", "WorkConsultant", "Coordinator", "Admin");

    [Theory]
    [InlineData("POST", "/api/interventions/catalogue")]
    [InlineData("PUT", "/api/interventions/catalogue/5e6e1c1a-0001-4000-8000-000000000001")]
    public Task Intervention_staff_and_administrators_maintain_the_catalogue(string method, string path) =>
        AuthorizationMatrix.AssertAsync(fixture.Host, new HttpMethod(method), path, "WorkConsultant", "SocialSecretary", "Admin");
}
