using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.FinancialAid.Domain;
using Orchestration.FinancialAid.Endpoints.CodeLists;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.Testing.Hosting;

namespace Orchestration.FinancialAid.Tests.Endpoints;

/// <summary>The process owner edits the financial-aid lists and the aid decision cap; answers follow at once, without a restart.</summary>
public sealed class CodeListsApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Lists = "/api/financial-aid/code-lists";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task An_added_code_is_accepted_in_new_answers_and_once_retired_is_refused_while_old_records_keep_it()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var added = await owner.PostAsJsonAsync($"{Lists}/other-target-groups", new { code = "IpsPilot", label = "IPS-piloten" });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var offered = await secretary.GetFromJsonAsync<JsonElement>(Lists);
        offered.GetProperty("otherTargetGroups").EnumerateArray().Select(g => g.GetString()).Should().EndWith("IpsPilot");
        offered.GetProperty("labels").GetProperty("OtherTargetGroup").GetProperty("IpsPilot").GetString().Should().Be("IPS-piloten");

        var first = await ReferralCase.RegisterAsync(secretary, "19900101-0231");
        await first.ExpectCreatedAsync("mapping-part-1", ReferralCase.Part1);
        await first.ExpectCreatedAsync("target-group-screening", new { inJobbtorgTargetGroup = false, targetGroups = new[] { "IpsPilot" } });
        await first.ExpectCreatedAsync("mapping-part-3", ReferralCase.Part3);
        await first.ExpectCreatedAsync("support-obstacles", new { category = "SocialMedical" });

        (await owner.DeleteAsync($"{Lists}/other-target-groups/IpsPilot")).StatusCode.Should().Be(HttpStatusCode.OK);
        var retiredRoute = await owner.DeleteAsync($"{Lists}/other-routes/Ips");
        (await retiredRoute.Content.ReadFromJsonAsync<CodeView>(Json))!.Active.Should().BeFalse();

        var second = await ReferralCase.RegisterAsync(secretary, "19900202-0239");
        await second.ExpectCreatedAsync("mapping-part-1", ReferralCase.Part1);
        await ExpectInvalidAsync(second.PostAsync("target-group-screening", new { inJobbtorgTargetGroup = false, targetGroups = new[] { "IpsPilot" } }),
            "targetGroups", "Unknown target group(s): IpsPilot");
        await ExpectInvalidAsync(first.PostAsync("route-decisions", RouteTo("Ips")), "otherRoutes", "Distinct codes of");
        await first.ExpectCreatedAsync("route-decisions", RouteTo("CareContact"));
        var kept = await secretary.GetFromJsonAsync<JsonElement>($"{first.Path}/target-group-screening");
        kept.GetProperty("answers").GetProperty("targetGroups")[0].GetString().Should().Be("IpsPilot", "a retired code keeps its meaning on old records");

        (await owner.PutAsJsonAsync($"{Lists}/other-routes/Ips", new { active = true, label = "IPS (individanpassat stöd)" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await second.ExpectCreatedAsync("target-group-screening", ReferralCase.Screening(false));
        await second.ExpectCreatedAsync("mapping-part-3", ReferralCase.Part3);
        await second.ExpectCreatedAsync("support-obstacles", new { category = "SocialMedical" });
        await second.ExpectCreatedAsync("route-decisions", RouteTo("Ips"));

        var audit = await AuditAsync();
        audit.Should().Contain(a => a.Actor == "processowner" && a.Action == AuditAction.Created && a.CaseId == "OtherTargetGroup/IpsPilot");
        audit.Where(a => a.CaseId == "OtherRoute/Ips").Select(a => a.Action).Should().Equal(AuditAction.Changed, AuditAction.Changed);
    }

    [Fact]
    public async Task A_new_fia_area_must_be_answered_and_a_lower_aid_decision_cap_applies_to_the_next_decision()
    {
        using var owner = await Host.CreateClientForAsync("admin");
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(secretary, "19900303-0237");
        await referral.ReadyForRouteDecisionAsync(withFia: false);

        (await owner.PostAsJsonAsync($"{Lists}/fia-social-areas", new { code = "Debts", label = "Skulder" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var cap = await owner.PutAsJsonAsync($"{Lists}/aid-decision-cap", new { days = 90 });
        cap.StatusCode.Should().Be(HttpStatusCode.OK, await cap.Content.ReadAsStringAsync());

        await ExpectInvalidAsync(referral.PostAsync("fia-social-part", ReferralCase.Fia), "areas", "missing: Debts");
        await ExpectInvalidAsync(referral.PostAsync("aid-decisions", new { validFrom = "2026-12-01", validTo = "2027-03-31" }), "validTo", "at most 90 days");
        await referral.ExpectCreatedAsync("aid-decisions", new { validFrom = "2026-12-01", validTo = "2027-02-28" });
        (await secretary.GetFromJsonAsync<JsonElement>(Lists)).GetProperty("aidDecisionMaxValidityDays").GetInt32().Should().Be(90);
        (await owner.PutAsJsonAsync($"{Lists}/aid-decision-cap", new { days = 366 })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.DeleteAsync($"{Lists}/fia-social-areas/Debts")).StatusCode.Should().Be(HttpStatusCode.OK);
        await referral.ExpectCreatedAsync("fia-social-part", ReferralCase.Fia);
    }

    [Theory]
    [InlineData("socialsecretary")]
    [InlineData("jobbtorgcoach")]
    [InlineData("workconsultant")]
    [InlineData("coordinator")]
    public async Task Other_roles_are_refused_every_edit_with_403_and_change_nothing(string account)
    {
        using var client = await Host.CreateClientForAsync(account);
        var before = await CodesAsync();

        var responses = new[]
        {
            await client.GetAsync($"{Lists}/other-routes"),
            await client.PostAsJsonAsync($"{Lists}/other-routes", new { code = "Debts", label = "Skuldrådgivning" }),
            await client.PutAsJsonAsync($"{Lists}/other-routes/Lss", new { label = "X" }),
            await client.DeleteAsync($"{Lists}/other-routes/Lss"),
            await client.PutAsJsonAsync($"{Lists}/aid-decision-cap", new { days = 30 }),
        };

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Forbidden);
        (await CodesAsync()).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("processowner")]
    [InlineData("admin")]
    public async Task The_process_owner_and_admin_read_every_code_of_a_list_with_its_swedish_label(string account)
    {
        using var client = await Host.CreateClientForAsync(account);

        var areas = await client.GetFromJsonAsync<List<CodeView>>($"{Lists}/fia-social-areas", Json);

        areas!.Should().ContainEquivalentOf(new CodeView("Housing", "Boende", true, 20));
    }

    [Fact]
    public async Task Bad_codes_labels_duplicates_and_caps_are_refused_with_problem_details_and_change_nothing()
    {
        using var owner = await Host.CreateClientForAsync("processowner");
        var before = await CodesAsync();

        var badCode = await owner.PostAsJsonAsync($"{Lists}/other-routes", new { code = "två ord", label = "X" });
        var noLabel = await owner.PostAsJsonAsync($"{Lists}/other-routes", new { code = "Fine" });
        var duplicate = await owner.PostAsJsonAsync($"{Lists}/other-routes", new { code = "Lss", label = "Igen" });
        var bothGroups = await owner.PostAsJsonAsync($"{Lists}/other-target-groups", new { code = "UnemployedOnAid", label = "Arbetslös" });
        var emptyLabel = await owner.PutAsJsonAsync($"{Lists}/other-routes/Lss", new { label = " " });
        var unknownCode = await owner.PutAsJsonAsync($"{Lists}/other-routes/Nope", new { label = "X" });
        var unknownList = await owner.PostAsJsonAsync($"{Lists}/closure-outcomes", new { code = "Fine", label = "X" });
        var badCap = await owner.PutAsJsonAsync($"{Lists}/aid-decision-cap", new { days = 0 });

        badCode.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badCode.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Should().ContainKey("code");
        noLabel.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        bothGroups.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await bothGroups.Content.ReadAsStringAsync()).Should().Contain("not both");
        emptyLabel.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknownCode.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownList.StatusCode.Should().Be(HttpStatusCode.Forbidden, "no route matches an unknown list, and the fallback policy denies unmapped paths");
        badCap.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CodesAsync()).Should().BeEquivalentTo(before);
    }

    private static object RouteTo(string otherRoute) =>
        new { routes = new[] { "OtherRoute" }, otherRoutes = new[] { otherRoute }, reason = "Behöver annat stöd", individualsView = "Vill det" };

    private static async Task ExpectInvalidAsync(Task<HttpResponseMessage> call, string field, string message)
    {
        var response = await call;
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors[field].Should().Contain(e => e.Contains(message));
    }

    private async Task<List<(CodeList, string, string, bool)>> CodesAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        var codes = await db.Codes.AsNoTracking().ToListAsync();
        var cap = await db.Settings.AsNoTracking().SingleAsync();
        return [.. codes.Select(c => (c.List, c.Code, c.Label, c.Active)), (CodeList.OtherRoute, cap.Name, cap.Value.ToString(), true)];
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        return await db.Set<AuditEntry>().AsNoTracking().Where(a => a.CaseType == nameof(ListCode)).ToListAsync();
    }
}
