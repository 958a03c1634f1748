using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orchestration.FinancialAid.Options;
using Orchestration.FinancialAid.Tests.Endpoints;
using Orchestration.Testing.Hosting;

namespace Orchestration.FinancialAid.Tests.Options;

/// <summary>The lists DOMAIN.md marks as examples, and the aid decision cap, come from configuration with the seeds' defaults.</summary>
public sealed class ConfiguredListsTests
{
    [Fact]
    public async Task A_host_configured_with_its_own_lists_checks_answers_against_them_and_offers_them()
    {
        await using var host = await TestHost.StartAsync(
            "FinancialAid:FiaSocialAreas:0=Housing", "FinancialAid:FiaSocialAreas:1=Debts",
            "FinancialAid:JobbtorgTargetGroups:0=UnemployedOnAid", "FinancialAid:OtherTargetGroups:0=IpsPilot",
            "FinancialAid:AidDecisionMaxValidityDays=90");
        using var client = await host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0131");

        var lists = await client.GetFromJsonAsync<JsonElement>("/api/financial-aid/code-lists");
        lists.GetProperty("fiaSocialAreas").EnumerateArray().Select(a => a.GetString()).Should().Equal("Housing", "Debts");
        lists.GetProperty("otherRoutes").EnumerateArray().Select(a => a.GetString()).Should().Contain("Finsam", "the default list holds");
        lists.GetProperty("aidDecisionMaxValidityDays").GetInt32().Should().Be(90);

        await referral.ExpectCreatedAsync("mapping-part-1", ReferralCase.Part1);
        await ExpectInvalidAsync(referral.PostAsync("target-group-screening", new { inJobbtorgTargetGroup = false, targetGroups = new[] { "Start" } }),
            "targetGroups", "known: UnemployedOnAid, IpsPilot");
        await referral.ExpectCreatedAsync("target-group-screening", new { inJobbtorgTargetGroup = false, targetGroups = new[] { "IpsPilot" } });
        await referral.ExpectCreatedAsync("mapping-part-3", ReferralCase.Part3);
        await ExpectInvalidAsync(referral.PostAsync("fia-social-part", ReferralCase.Fia), "areas", "missing: Debts");
        await referral.ExpectCreatedAsync("fia-social-part", new
        {
            areas = new Dictionary<string, object> { ["Housing"] = new { level = "SomeObstacle" }, ["Debts"] = new { level = "MajorObstacle" } },
        });
        await ExpectInvalidAsync(referral.PostAsync("aid-decisions", new { validFrom = "2026-12-01", validTo = "2027-03-31" }), "validTo", "at most 90 days");
        await referral.ExpectCreatedAsync("aid-decisions", new { validFrom = "2026-12-01", validTo = "2027-02-28" });
    }

    [Fact]
    public void Settings_that_make_no_list_are_refused_naming_the_setting()
    {
        new FinancialAidOptions().Validate().Should().BeNull("the defaults are valid");
        new FinancialAidOptions { AidDecisionMaxValidityDays = 0 }.Validate().Should().Contain("AidDecisionMaxValidityDays");
        new FinancialAidOptions { OtherRoutes = ["Finsam", "Finsam"] }.Validate().Should().Contain("OtherRoutes");
        new FinancialAidOptions { OtherTargetGroups = ["UnemployedOnAid"] }.Validate().Should().Contain("not both");
        new FinancialAidOptions { FiaSocialAreas = ["Housing"] }.EffectiveFiaSocialAreas.Should().Equal("Housing");
        new FinancialAidOptions().EffectiveFiaSocialAreas.Should().HaveCount(6);
    }

    private static async Task ExpectInvalidAsync(Task<HttpResponseMessage> call, string field, string message)
    {
        var response = await call;
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors[field].Should().Contain(e => e.Contains(message));
    }
}
