using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;

namespace Orchestration.FinancialAid.Tests.Endpoints;

/// <summary>The financial-aid unit's steps of the referral path, through the REST API as a social secretary would use it.</summary>
public sealed class ReferralCaseApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_referral_goes_through_every_step_once_and_each_step_stages_one_event_without_personal_data()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0008");

        await referral.ReadyForRouteDecisionAsync(withFia: true);
        var route = await referral.ExpectCreatedAsync("route-decisions", new { routes = new[] { "Jobbtorg", "DistrictIntervention" }, reason = "Parallella insatser", individualsView = "Vill komma igång" });
        await referral.ExpectCreatedAsync("aid-decisions", new { validFrom = "2026-12-01", validTo = "2027-02-28" });

        route.GetProperty("fiaCompleted").GetBoolean().Should().BeTrue();
        route.GetProperty("warnings").GetArrayLength().Should().Be(0);
        var overview = await client.GetFromJsonAsync<JsonElement>($"{referral.Path}/overview");
        overview.GetProperty("instrumentsDone").EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo(["MappingPart1", "TargetGroupScreening", "MappingPart3", "FiaSocialPart"]);
        overview.GetProperty("currentSupportObstacle").GetString().Should().Be("SocialMedical");
        overview.GetProperty("routeDecisions")[0].GetProperty("routes").EnumerateArray().Select(r => r.GetString())
            .Should().Equal("Jobbtorg", "DistrictIntervention");

        var events = await StagedForAsync(referral.Id);
        // Registration stages two events at the same instant; their order between themselves is not defined.
        events.Take(2).Select(e => e.MessageType.Split(',')[0].Split('.').Last()).Should().BeEquivalentTo(
            nameof(ApplicationRegistered), nameof(ResponsibleSocialSecretaryAssigned));
        events.Skip(2).Select(e => e.MessageType.Split(',')[0].Split('.').Last()).Should().Equal(
            nameof(InitialMappingPart1Completed), nameof(TargetGroupScreened), nameof(InitialMappingPart3Completed),
            nameof(SupportObstacleRecorded), nameof(FiaSocialPartCompleted), nameof(RouteDecided), nameof(AidDecisionMade));
        events.Should().OnlyContain(e => !e.Body.Contains("19850315") && !e.Body.Contains("0008") && !e.Body.Contains("Sömn")
            && !e.Body.Contains("SocialMedical") && !e.Body.Contains("andra hand"));
        events.Single(e => e.MessageType.Contains(nameof(RouteDecided))).Body.Should().Contain("\"routes\":[\"Jobbtorg\",\"DistrictIntervention\"]");
    }

    [Fact]
    public async Task Steps_out_of_order_or_done_twice_are_refused_with_409_and_change_nothing()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0016");
        var before = await CountsAsync();

        await ExpectProblemAsync(referral.PostAsync("target-group-screening", ReferralCase.Screening(true)), 409, "after MappingPart1");
        await ExpectProblemAsync(referral.PostAsync("mapping-part-3", ReferralCase.Part3), 409, "after MappingPart1");
        await ExpectProblemAsync(referral.PostAsync("support-obstacles", new { category = "Unemployment" }), 409, "mapping part 3");
        await ExpectProblemAsync(referral.PostAsync("route-decisions", new { routes = new[] { "Jobbtorg" }, reason = "x", individualsView = "Vill komma igång" }), 409, "support obstacle");
        (await CountsAsync()).Should().Be(before);

        await referral.ExpectCreatedAsync("mapping-part-1", ReferralCase.Part1);
        await ExpectProblemAsync(referral.PostAsync("fia-social-part", ReferralCase.Fia), 409, "after MappingPart3");
        var afterPart1 = await CountsAsync();
        await ExpectProblemAsync(referral.PostAsync("mapping-part-1", ReferralCase.Part1), 409, "done once");
        (await CountsAsync()).Should().Be(afterPart1);
    }

    [Fact]
    public async Task Invalid_answers_are_refused_naming_the_field_and_change_nothing()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0024");
        await referral.ReadyForRouteDecisionAsync(withFia: false);
        var before = await CountsAsync();

        await ExpectInvalidAsync(referral.PostAsync("mapping-part-1", new { firstContactOn = "2026-11-02", contactChannel = "Fax" }), "contactChannel", "'Fax' is not one of");
        await ExpectInvalidAsync(referral.PostAsync("target-group-screening", new { inJobbtorgTargetGroup = true, targetGroups = Array.Empty<string>() }),
            "targetGroups", "at least one of Jobbtorg's");
        await ExpectInvalidAsync(referral.PostAsync("fia-social-part", new { areas = new Dictionary<string, object> { ["Housing"] = new { level = "Bad" } } }),
            "areas", "missing: SocialNetwork");
        await ExpectInvalidAsync(referral.PostAsync("support-obstacles", new { category = "Laziness" }), "category", "not one of");
        await ExpectInvalidAsync(referral.PostAsync("route-decisions", new { routes = new[] { "Moon" }, reason = "x", individualsView = "Vill komma igång" }), "routes", "DistrictIntervention");
        await ExpectInvalidAsync(referral.PostAsync("aid-decisions", new { validFrom = "2026-12-01", validTo = "2026-11-01" }), "validTo", "on or after");
        await ExpectInvalidAsync(referral.PostAsync("consents", new { scope = "Everything", method = "Oral", givenOn = "2026-11-20" }), "scope", "not one of");
        await ExpectInvalidAsync(referral.PostAsync("consents", new { scope = "ShareWithJobbtorg", method = "Oral", givenOn = "2099-01-01" }), "givenOn", "future");

        var malformed = await client.PostAsync($"{referral.Path}/aid-decisions", new StringContent("{\"validFrom\":", System.Text.Encoding.UTF8, "application/json"));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CountsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_district_intervention_without_an_fia_is_decided_with_a_warning()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0032");
        await referral.ReadyForRouteDecisionAsync(withFia: false);

        var decision = await referral.ExpectCreatedAsync("route-decisions", new { routes = new[] { "DistrictIntervention" }, reason = "Arbetsförmågan behöver utredas", individualsView = "Vill komma igång" });

        decision.GetProperty("fiaCompleted").GetBoolean().Should().BeFalse();
        decision.GetProperty("warnings")[0].GetString().Should().Contain("No FIA");
    }

    [Fact]
    public async Task Jobbtorg_reads_the_health_and_social_parts_only_while_a_consent_to_share_is_valid()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await ReferralCase.RegisterAsync(secretary, "19850315-0040");
        await referral.ReadyForRouteDecisionAsync(withFia: true);

        await ExpectProblemAsync(coach.GetAsync($"{referral.Path}/mapping-part-3"), 403, "has not consented");
        await referral.ExpectCreatedAsync("consents", new { scope = "ReferToFinsam", method = "Written", givenOn = "2026-11-20" });
        await ExpectProblemAsync(coach.GetAsync($"{referral.Path}/fia-social-part"), 403, "has not consented");

        var consent = await referral.ExpectCreatedAsync("consents", new { scope = "ShareWithJobbtorg", method = "Oral", givenOn = "2026-11-20" });
        var part3 = await coach.GetFromJsonAsync<JsonElement>($"{referral.Path}/mapping-part-3");
        part3.GetProperty("answers").GetProperty("healthSelfRating").GetString().Should().Be("Poor");
        (await coach.GetAsync($"{referral.Path}/fia-social-part")).StatusCode.Should().Be(HttpStatusCode.OK);
        await ExpectProblemAsync(coach.GetAsync($"{referral.Path}/mapping-part-1"), 403, null);

        var withdrawal = await secretary.PostAsync($"{referral.Path}/consents/{consent.GetProperty("id").GetGuid()}/withdrawal", null);
        withdrawal.StatusCode.Should().Be(HttpStatusCode.OK);
        await ExpectProblemAsync(coach.GetAsync($"{referral.Path}/mapping-part-3"), 403, "withdrawn");
        await ExpectProblemAsync(secretary.PostAsync($"{referral.Path}/consents/{consent.GetProperty("id").GetGuid()}/withdrawal", null), 409, "was withdrawn");

        var audit = await AuditAsync(referral.Id);
        audit.Where(a => a.Actor == "jobbtorgcoach").Select(a => (a.Action, a.CaseType)).Should().BeEquivalentTo(new[]
        {
            (AuditAction.Read, "MappingPart3"), (AuditAction.Read, "FiaSocialPart"),
        });
        audit.Should().Contain(a => a.Actor == "socialsecretary" && a.Action == AuditAction.Changed && a.CaseType == "Consent");
    }

    [Fact]
    public async Task Another_districts_social_secretary_can_neither_read_nor_change_the_case()
    {
        using var own = await Host.CreateClientForAsync("socialsecretary");
        using var farsta = await Host.CreateClientForDistrictAsync("SocialSecretary", "farsta");
        var referral = await ReferralCase.RegisterAsync(own, "19850315-0057");
        var before = await CountsAsync();

        await ExpectProblemAsync(farsta.GetAsync($"{referral.Path}/overview"), 403, "this case belongs to another district");
        await ExpectProblemAsync(farsta.PostAsJsonAsync($"{referral.Path}/mapping-part-1", ReferralCase.Part1), 403, "belongs to");
        await ExpectProblemAsync(farsta.GetAsync($"{referral.Path}/mapping-part-3"), 403, "belongs to");
        (await farsta.GetFromJsonAsync<JsonElement>("/api/financial-aid/applications")).EnumerateArray()
            .Should().NotContain(a => a.GetProperty("referralId").GetGuid() == referral.Id);
        (await CountsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Unknown_referrals_and_consents_are_404()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var unknown = Guid.NewGuid();

        await ExpectProblemAsync(client.PostAsJsonAsync($"/api/financial-aid/applications/{unknown}/mapping-part-1", ReferralCase.Part1), 404, unknown.ToString());
        await ExpectProblemAsync(client.GetAsync($"/api/financial-aid/applications/{unknown}/overview"), 404, "no referral");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0065");
        await ExpectProblemAsync(client.PostAsync($"{referral.Path}/consents/{unknown}/withdrawal", null), 404, "no consent");
        await ExpectProblemAsync(client.GetAsync($"{referral.Path}/mapping-part-1"), 404, "not recorded yet");
    }

    public static TheoryData<string, string, string[]> Endpoints()
    {
        var id = Guid.NewGuid();
        var secretary = new[] { "SocialSecretary" };
        var shared = new[] { "SocialSecretary", "JobbtorgCoach" };
        var data = new TheoryData<string, string, string[]>
        {
            { "GET", "/api/financial-aid/applications", secretary },
            { "GET", $"/api/financial-aid/applications/{id}/overview", secretary },
            { "GET", $"/api/financial-aid/applications/{id}/mapping-part-3", shared },
            { "GET", $"/api/financial-aid/applications/{id}/fia-social-part", shared },
            { "GET", $"/api/financial-aid/applications/{id}/consents", secretary },
            { "POST", $"/api/financial-aid/applications/{id}/consents/{id}/withdrawal", secretary },
        };
        foreach (var step in new[] { "mapping-part-1", "target-group-screening", "mapping-part-3", "fia-social-part", "support-obstacles", "route-decisions", "aid-decisions", "consents" })
        {
            data.Add("POST", $"/api/financial-aid/applications/{id}/{step}", secretary);
        }

        data.Add("GET", $"/api/financial-aid/applications/{id}/mapping-part-1", secretary);
        data.Add("GET", $"/api/financial-aid/applications/{id}/target-group-screening", secretary);
        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_reaches_only_its_endpoints(string method, string path, string[] allowedRoles)
    {
        await AuthorizationMatrix.AssertAsync(Host, new HttpMethod(method), path, allowedRoles);
    }

    private static async Task ExpectProblemAsync(Task<HttpResponseMessage> call, int status, string? detail)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        if (detail is not null)
        {
            JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().Should().Contain(detail);
        }
    }

    private static async Task ExpectInvalidAsync(Task<HttpResponseMessage> call, string field, string message)
    {
        var response = await call;
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Should().ContainKey(field);
        problem.Errors[field].Should().Contain(e => e.Contains(message));
    }

    private async Task<(int Instruments, int Obstacles, int Routes, int Aid, int Consents, int Outbox)> CountsAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        return (await db.Instruments.CountAsync(), await db.SupportObstacles.CountAsync(), await db.RouteDecisions.CountAsync(),
            await db.AidDecisions.CountAsync(), await db.Consents.CountAsync(), await db.Set<OutboxMessage>().CountAsync());
    }

    private async Task<List<OutboxMessage>> StagedForAsync(Guid referralId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        return (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync())
            .Where(m => m.Body.Contains(referralId.ToString(), StringComparison.Ordinal)).OrderBy(m => m.CreatedAt).ToList();
    }

    private async Task<List<AuditEntry>> AuditAsync(Guid referralId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        return await db.Set<AuditEntry>().AsNoTracking().Where(a => a.CaseId == referralId.ToString()).ToListAsync();
    }
}
