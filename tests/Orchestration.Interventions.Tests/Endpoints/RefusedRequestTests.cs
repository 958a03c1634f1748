using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Orchestration.Testing.Hosting;
using static Orchestration.Interventions.Tests.Support.InterventionsTestKit;

namespace Orchestration.Interventions.Tests.Endpoints;

/// <summary>Bad requests get a ProblemDetails that says what is wrong, and change nothing: no row, no version, no event, no audit.</summary>
public sealed class RefusedRequestTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_follow_up_before_the_start_is_out_of_order()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);
        await PrepareAsync(secretary, referral.Id, Praktikcentrum);

        var problem = await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/follow-ups", FollowUp()), HttpStatusCode.Conflict);

        problem.Title.Should().Be("Step out of order");
        problem.Detail.Should().Contain("after the intervention has started");
    }

    [Fact]
    public async Task A_start_before_the_assignment_and_plans_names_what_is_missing()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = Praktikcentrum }), HttpStatusCode.OK);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/work-plan", new { content = "Mornings" }), HttpStatusCode.OK);

        var problem = await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/start", new { }), HttpStatusCode.Conflict);

        problem.Detail.Should().Contain("the assignment").And.Contain("the implementation plan").And.NotContain("the work plan");
    }

    [Fact]
    public async Task Steps_before_an_intervention_is_chosen_are_out_of_order()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);

        (await RefusedAsync(() => secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/assignment", Assignment()), HttpStatusCode.Conflict))
            .Detail.Should().Contain("Choose the intervention first");
        await RefusedAsync(() => secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/work-plan", new { content = "x" }), HttpStatusCode.Conflict);
        await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/start", new { }), HttpStatusCode.Conflict);
        await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/transfer-to-jobbtorg-resurs", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_second_start_a_new_choice_after_the_start_and_anything_after_the_closure_are_refused()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var id = await StartedReferralAsync(Host, secretary, Praktikcentrum);

        (await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{id}/start", new { }), HttpStatusCode.Conflict)).Title.Should().Be("Already done");
        await RefusedAsync(() => secretary.PutAsJsonAsync($"{Referrals}/{id}/intervention", new { interventionId = Kompetensverkstan }), HttpStatusCode.Conflict);
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{id}/close", new { outcome = "Other" }), HttpStatusCode.OK);

        await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{id}/follow-ups", FollowUp()), HttpStatusCode.Conflict);
        await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{id}/close", new { outcome = "Work" }), HttpStatusCode.Conflict);
        await RefusedAsync(() => secretary.PutAsJsonAsync($"{Referrals}/{id}/assignment", Assignment()), HttpStatusCode.Conflict);
        await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{id}/three-party-talks", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_transfer_without_the_social_secretarys_judgment_at_the_latest_follow_up_is_refused_even_when_the_checklist_is_all_met()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var id = await StartedReferralAsync(Host, secretary, Praktikcentrum);
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{id}/follow-ups", FollowUp(ready: true)), HttpStatusCode.Created);
        var allMet = new
        {
            readiness = new[] { "TookPartInActivity", "TravelsToAndFrom", "NoActiveAddiction", "HandlesConflictsAndInteraction", "SufficientlyMotivated" }
                .Select(code => new { code, status = "Met" }),
            individualView = "Wants to stay a while",
            readyForJobbtorgResurs = false,
        };
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{id}/follow-ups", allMet), HttpStatusCode.Created);

        var problem = await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{id}/transfer-to-jobbtorg-resurs", new { }), HttpStatusCode.Conflict);

        problem.Detail.Should().Contain("judgment");
    }

    [Fact]
    public async Task Only_the_social_secretary_judges_readiness()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var id = await StartedReferralAsync(Host, secretary, Praktikcentrum);

        var problem = await RefusedAsync(() => consultant.PostAsJsonAsync($"{Referrals}/{id}/follow-ups", FollowUp(ready: true)), HttpStatusCode.Forbidden);

        problem.Title.Should().Be("The social secretary judges readiness");
    }

    [Fact]
    public async Task A_place_in_another_districts_intervention_closed_to_other_districts_is_refused()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var referral = await OpenReferralAsync(Host);

        var problem = await RefusedAsync(() => consultant.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = KomIGangFarsta }),
            HttpStatusCode.Conflict);

        problem.Title.Should().Be("Not open to other districts");
    }

    [Fact]
    public async Task An_intervention_without_places_left_is_refused()
    {
        using var consultant = await Host.CreateClientForAsync("workconsultant");
        var full = await (await ExpectAsync(consultant.PostAsJsonAsync(Catalogue,
            new { name = "Cykelverkstan", type = "WorkTraining", targetGroup = "Adults far from the labour market", places = 1 }), HttpStatusCode.Created))
            .Content.ReadFromJsonAsync<IdOnly>();
        var first = await OpenReferralAsync(Host);
        await ExpectAsync(consultant.PutAsJsonAsync($"{Referrals}/{first.Id}/intervention", new { interventionId = full!.InterventionId }), HttpStatusCode.OK);
        var second = await OpenReferralAsync(Host);

        var problem = await RefusedAsync(() => consultant.PutAsJsonAsync($"{Referrals}/{second.Id}/intervention", new { interventionId = full.InterventionId }),
            HttpStatusCode.Conflict);

        problem.Title.Should().Be("No places left");
    }

    [Fact]
    public async Task Another_districts_referral_is_neither_read_nor_changed()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var farsta = await OpenReferralAsync(Host, "farsta");

        var read = await RefusedAsync(() => secretary.GetAsync($"{Referrals}/{farsta.Id}"), HttpStatusCode.Forbidden);
        read.Detail.Should().Be("You act for district 'spanga-tensta'; this case belongs to another district.");
        await RefusedAsync(() => secretary.PutAsJsonAsync($"{Referrals}/{farsta.Id}/intervention", new { interventionId = Praktikcentrum }), HttpStatusCode.Forbidden);
        await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{farsta.Id}/close", new { outcome = "Work" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var unknown = Guid.NewGuid();
        var referral = await OpenReferralAsync(Host);

        (await RefusedAsync(() => secretary.GetAsync($"{Referrals}/{unknown}"), HttpStatusCode.NotFound)).Detail.Should().Contain(unknown.ToString());
        await RefusedAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{unknown}/follow-ups", FollowUp()), HttpStatusCode.NotFound);
        await RefusedAsync(() => secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = unknown }), HttpStatusCode.NotFound);
        await RefusedAsync(() => secretary.GetAsync($"{Referrals}/{referral.Id}/follow-ups/{unknown}"), HttpStatusCode.NotFound);
        await RefusedAsync(() => secretary.GetAsync($"{Catalogue}/{unknown}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Practice", "next step, not a closure")]
    [InlineData("Unemployed", "is not one of")]
    [InlineData("3", "is not one of")]
    [InlineData(null, "Required")]
    public async Task A_closure_needs_an_outcome_of_the_code_list(string? outcome, string reason)
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);

        var problem = await InvalidAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/close", new { outcome }));

        problem.Errors["outcome"].Should().ContainSingle().Which.Should().Contain(reason);
    }

    [Fact]
    public async Task A_follow_up_with_unknown_codes_or_without_the_individuals_own_view_names_each_offending_field()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var id = await StartedReferralAsync(Host, secretary, Praktikcentrum);
        var body = new
        {
            attendancePercent = 120,
            workAbility = new { physical = new { level = "Excellent" } },
            goals = new[] { new { goalNumber = 3, attainment = "Done" } },
            readiness = new[] { new { code = "HasDrivingLicence", status = "Met" }, new { code = "NoActiveAddiction", status = "Maybe" } },
        };

        var problem = await InvalidAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{id}/follow-ups", body));

        problem.Errors.Keys.Should().BeEquivalentTo("attendancePercent", "workAbility.physical.level", "individualView", "goals[0].goalNumber",
            "goals[0].attainment", "readiness[0].code", "readiness[1].status");
        problem.Errors["individualView"].Should().Equal("Required.");
        problem.Errors["readiness[0].code"].Single().Should().Contain("TookPartInActivity");
    }

    [Fact]
    public async Task An_assignment_without_its_required_parts_is_refused()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);
        await ExpectAsync(secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/intervention", new { interventionId = Praktikcentrum }), HttpStatusCode.OK);

        var problem = await InvalidAsync(() => secretary.PutAsJsonAsync($"{Referrals}/{referral.Id}/assignment", new { purpose = "  ", goals = Array.Empty<object>() }));

        problem.Errors.Keys.Should().BeEquivalentTo("purpose", "goals", "tasks", "expectedResult", "individualView");
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);

        var problem = await RefusedAsync(() => secretary.PostAsync($"{Referrals}/{referral.Id}/close",
            new StringContent("{\"outcome\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        problem.Detail.Should().Contain("JSON");
    }

    [Fact]
    public async Task An_unknown_state_filter_is_a_bad_request()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");

        var problem = await InvalidAsync(() => secretary.GetAsync($"{Referrals}?state=Sleeping"));

        problem.Errors["state"].Single().Should().Contain("Opened, InterventionChosen, Started, AwaitingTransfer, Closed");
    }

    [Fact]
    public async Task An_empty_three_party_talk_is_refused_instead_of_recorded_as_held_today()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var referral = await OpenReferralAsync(Host);
        await PrepareAsync(secretary, referral.Id, Praktikcentrum);

        var problem = await InvalidAsync(() => secretary.PostAsJsonAsync($"{Referrals}/{referral.Id}/three-party-talks", new { }));

        problem.Errors.Should().ContainKey("heldOn").WhoseValue.Should().ContainSingle().Which.Should().Contain("required");
    }

    private sealed record IdOnly(Guid InterventionId);

    /// <summary>Sends a request that must be refused with <paramref name="status"/>; asserts the database did not change at all.</summary>
    private async Task<ProblemDetails> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status)
    {
        var before = await SnapshotAsync(Host);
        var response = await send();
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await SnapshotAsync(Host)).Should().Be(before, "a refused request changes nothing");
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    private async Task<HttpValidationProblemDetails> InvalidAsync(Func<Task<HttpResponseMessage>> send)
    {
        var before = await SnapshotAsync(Host);
        var response = await send();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await SnapshotAsync(Host)).Should().Be(before, "a refused request changes nothing");
        return (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
    }
}
