using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.FinancialAid.Consumers;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Messaging;

namespace Orchestration.FinancialAid.Tests.Endpoints;

/// <summary>
/// Closing a case (by the social secretary, or on a closure another service reported), asking for the FIA job part,
/// reassigning responsibility and the route decision's rules, through the REST API and the bus.
/// </summary>
public sealed class CaseClosureAndResponsibilityApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_closed_case_refuses_every_further_change_with_409_and_a_reported_closure_afterwards_changes_nothing()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0081");
        await referral.ExpectCreatedAsync("mapping-part-1", ReferralCase.Part1);

        await ExpectInvalidAsync(referral.PostAsync("closure", new { outcome = "Lottery", note = "x" }), "outcome", "not one of");
        await ExpectInvalidAsync(referral.PostAsync("closure", new { outcome = "Work" }), "note", "Required");
        var closed = await client.PostAsJsonAsync($"{referral.Path}/closure", new { outcome = "Work", note = "Fått anställning" });
        closed.StatusCode.Should().Be(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var before = await StagedAsync(referral.Id);

        await ExpectProblemAsync(referral.PostAsync("closure", new { outcome = "Studies", note = "x" }), 409, "already closed");
        await ExpectProblemAsync(referral.PostAsync("target-group-screening", ReferralCase.Screening(true)), 409, "with the outcome Work");
        await ExpectProblemAsync(referral.PostAsync("aid-decisions", new { validFrom = "2026-12-01", validTo = "2027-02-28" }), 409, "nothing more is recorded");
        await ExpectProblemAsync(referral.PostAsync("consents", new { scope = "ReferToFinsam", method = "Oral", givenOn = "2026-11-20" }), 409, "closed");
        await ExpectProblemAsync(referral.PostAsync("fia-job-part-requests", new { }), 409, "closed");
        await ExpectProblemAsync(client.PutAsJsonAsync($"{referral.Path}/responsible", new { socialSecretary = "bo" }), 409, "closed");

        // Jobbtorg reports a closure later: the case keeps its own, and no second CaseClosed leaves.
        await SendCloseCaseAsync(new CloseCase(referral.Id, ClosureOutcome.LostContact, "Jobbtorg", DateTimeOffset.UtcNow));
        (await StagedAsync(referral.Id)).Should().Equal(before);
        before.Count(e => e == nameof(CaseClosed)).Should().Be(1);
        var overview = await client.GetFromJsonAsync<JsonElement>($"{referral.Path}/overview");
        overview.GetProperty("closure").GetProperty("outcome").GetString().Should().Be("Work");
        overview.GetProperty("closure").GetProperty("note").GetString().Should().Be("Fått anställning");
        overview.GetProperty("closure").GetProperty("closedBy").GetString().Should().Be("socialsecretary");
    }

    [Fact]
    public async Task A_closure_reported_by_another_service_closes_the_case_once_whatever_the_redeliveries()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0099");
        var command = new CloseCase(referral.Id, ClosureOutcome.MovedOrChangedDistrict, "Jobbtorg", DateTimeOffset.UtcNow);

        await SendCloseCaseAsync(command);
        await SendCloseCaseAsync(command with { Outcome = ClosureOutcome.Work });

        (await StagedAsync(referral.Id)).Count(e => e == nameof(CaseClosed)).Should().Be(1);
        var overview = await client.GetFromJsonAsync<JsonElement>($"{referral.Path}/overview");
        overview.GetProperty("closure").GetProperty("outcome").GetString().Should().Be("MovedOrChangedDistrict");
        overview.GetProperty("closure").GetProperty("closedBy").GetString().Should().Be("Jobbtorg");
        await ExpectProblemAsync(referral.PostAsync("mapping-part-1", ReferralCase.Part1), 409, "MovedOrChangedDistrict");
    }

    [Fact]
    public async Task The_fia_job_part_is_asked_for_at_any_time_and_each_request_leaves_as_an_event()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0107");

        var first = await client.PostAsync($"{referral.Path}/fia-job-part-requests", null);
        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        await referral.ReadyForRouteDecisionAsync(withFia: true);
        (await client.PostAsync($"{referral.Path}/fia-job-part-requests", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await StagedAsync(referral.Id)).Count(e => e == nameof(FiaJobPartRequested)).Should().Be(2);
        var overview = await client.GetFromJsonAsync<JsonElement>($"{referral.Path}/overview");
        overview.GetProperty("fiaJobPartRequestedAt").ValueKind.Should().Be(JsonValueKind.String);
    }

    [Fact]
    public async Task The_districts_social_secretaries_and_coordinators_reassign_responsibility_and_each_change_leaves_as_an_event()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        using var coordinator = await Host.CreateClientForAsync("coordinator");
        using var farsta = await Host.CreateClientForDistrictAsync("Coordinator", "farsta");
        var referral = await ReferralCase.RegisterAsync(secretary, "19850315-0115");

        var byCoordinator = await coordinator.PutAsJsonAsync($"{referral.Path}/responsible", new { socialSecretary = "bo" });
        byCoordinator.StatusCode.Should().Be(HttpStatusCode.OK, await byCoordinator.Content.ReadAsStringAsync());
        await ExpectProblemAsync(secretary.PutAsJsonAsync($"{referral.Path}/responsible", new { socialSecretary = "bo" }), 409, "already responsible");
        await ExpectInvalidAsync(secretary.PutAsJsonAsync($"{referral.Path}/responsible", new { socialSecretary = "" }), "socialSecretary", "Required");
        await ExpectProblemAsync(farsta.PutAsJsonAsync($"{referral.Path}/responsible", new { socialSecretary = "erik" }), 403, "another district");
        (await secretary.PutAsJsonAsync($"{referral.Path}/responsible", new { socialSecretary = "socialsecretary" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var assigned = await StagedBodiesAsync(referral.Id, nameof(ResponsibleSocialSecretaryAssigned));
        assigned.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("responsibleSocialSecretary").GetString())
            .Should().Equal("socialsecretary", "bo", "socialsecretary");
        var overview = await secretary.GetFromJsonAsync<JsonElement>($"{referral.Path}/overview");
        overview.GetProperty("responsibleSocialSecretary").GetString().Should().Be("socialsecretary");
    }

    [Fact]
    public async Task A_route_decision_needs_the_individuals_view_names_its_other_routes_and_refuses_finsam_without_consent()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0123");
        await referral.ReadyForRouteDecisionAsync(withFia: true);

        await ExpectInvalidAsync(referral.PostAsync("route-decisions", new { routes = new[] { "Jobbtorg" }, reason = "x" }), "individualsView", "Required");
        await ExpectInvalidAsync(referral.PostAsync("route-decisions", new { routes = new[] { "OtherRoute" }, reason = "x", individualsView = "y" }),
            "otherRoutes", "Finsam");
        await ExpectInvalidAsync(referral.PostAsync("route-decisions", new { routes = new[] { "Jobbtorg" }, otherRoutes = new[] { "Lss" }, reason = "x", individualsView = "y" }),
            "otherRoutes", "Only with the route OtherRoute");
        var finsam = new { routes = new[] { "DistrictIntervention", "OtherRoute" }, otherRoutes = new[] { "Finsam" }, reason = "Samordnad rehabilitering", individualsView = "Vill" };
        await ExpectProblemAsync(referral.PostAsync("route-decisions", finsam), 409, "no ReferToFinsam consent");

        await referral.ExpectCreatedAsync("consents", new { scope = "ReferToFinsam", method = "Oral", givenOn = "2026-11-20" });
        var decision = await referral.ExpectCreatedAsync("route-decisions", finsam);
        decision.GetProperty("otherRoutes").EnumerateArray().Select(r => r.GetString()).Should().Equal("Finsam");
        decision.GetProperty("individualsView").GetString().Should().Be("Vill");
        (await StagedAsync(referral.Id)).Count(e => e == nameof(RouteDecided)).Should().Be(1);
    }

    public static TheoryData<string, string, string[]> Endpoints()
    {
        var id = Guid.NewGuid();
        return new TheoryData<string, string, string[]>
        {
            { "POST", $"/api/financial-aid/applications/{id}/closure", ["SocialSecretary"] },
            { "POST", $"/api/financial-aid/applications/{id}/fia-job-part-requests", ["SocialSecretary"] },
            { "PUT", $"/api/financial-aid/applications/{id}/responsible", ["SocialSecretary", "Coordinator"] },
            { "GET", "/api/financial-aid/code-lists", ["SocialSecretary"] },
        };
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_reaches_only_its_endpoints(string method, string path, string[] allowedRoles)
    {
        await AuthorizationMatrix.AssertAsync(Host, new HttpMethod(method), path, allowedRoles);
    }

    private async Task SendCloseCaseAsync(CloseCase command)
    {
        var messageId = Guid.NewGuid();
        var observer = new ConsumedMessages();
        using var observing = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        var endpoint = await Host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(CloseCase)));
        await endpoint.Send(command, c => c.MessageId = messageId);
        await observer.WaitForAsync(messageId, deliveries: 1, TimeSpan.FromSeconds(20));
        observer.Faulted(messageId).Should().Be(0, nameof(CloseCaseConsumer) + " handles it without a fault");
    }

    private async Task<List<string>> StagedAsync(Guid referralId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var staged = await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return staged.Where(m => m.Body.Contains(referralId.ToString(), StringComparison.Ordinal)).OrderBy(m => m.CreatedAt)
            .Select(m => m.MessageType.Split(',')[0].Split('.').Last()).ToList();
    }

    private async Task<List<string>> StagedBodiesAsync(Guid referralId, string eventName)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var staged = await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return staged.Where(m => m.Body.Contains(referralId.ToString(), StringComparison.Ordinal) && m.MessageType.Contains($".{eventName},", StringComparison.Ordinal))
            .OrderBy(m => m.CreatedAt).Select(m => m.Body).ToList();
    }

    private static async Task ExpectProblemAsync(Task<HttpResponseMessage> call, int status, string detail)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().Should().Contain(detail);
    }

    private static async Task ExpectInvalidAsync(Task<HttpResponseMessage> call, string field, string message)
    {
        var response = await call;
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Should().ContainKey(field);
        problem.Errors[field].Should().Contain(e => e.Contains(message));
    }
}
