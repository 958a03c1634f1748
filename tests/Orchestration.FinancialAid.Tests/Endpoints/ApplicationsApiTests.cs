using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Endpoints.Applications;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;

namespace Orchestration.FinancialAid.Tests.Endpoints;

/// <summary>Registering applications: the personnummer is validated and kept here; the event carries only opaque ids.</summary>
public sealed class ApplicationsApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_social_secretary_registers_an_application_and_the_event_leaves_through_the_outbox_without_the_personnummer()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");

        var response = await client.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "19900101-0017" });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<ApplicationResponse>())!;
        created.Personnummer.Should().Be("19900101-XXXX");
        created.District.Should().Be("spanga-tensta");
        response.Headers.Location!.ToString().Should().Be($"/api/financial-aid/applications/{created.ApplicationId}");
        (await client.GetFromJsonAsync<ApplicationResponse>(response.Headers.Location)).Should().BeEquivalentTo(created, options => options
            .Using<DateTimeOffset>(time => time.Subject.Should().BeCloseTo(time.Expectation, TimeSpan.FromMilliseconds(1))).WhenTypeIs<DateTimeOffset>());

        var staged = await WaitForDispatchAsync(created.ApplicationId);
        staged.MessageType.Should().StartWith(typeof(ApplicationRegistered).FullName!);
        staged.Body.Should().Contain(created.PersonId.ToString()).And.NotContain("0017").And.NotContain("19900101");
        created.ResponsibleSocialSecretary.Should().Be("socialsecretary", "the registering social secretary is responsible by default");
    }

    [Fact]
    public async Task Registering_and_reading_a_case_are_audited_with_who_and_when_but_no_personal_data()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var created = (await (await client.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "19900161-0014" }))
            .Content.ReadFromJsonAsync<ApplicationResponse>())!;

        await client.GetAsync($"/api/financial-aid/applications/{created.ApplicationId}");

        await using var scope = Host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.CaseId == created.ApplicationId.ToString()).ToListAsync();
        audit.Select(a => (a.Actor, a.Action, a.CaseType, a.District)).Should().BeEquivalentTo(new[]
        {
            ("socialsecretary", AuditAction.Created, "AidApplication", "spanga-tensta"),
            ("socialsecretary", AuditAction.Read, "AidApplication", "spanga-tensta"),
        });
        audit.Should().OnlyContain(a => !a.CaseId.Contains("0014") && !a.Actor.Contains("1990"));
    }

    [Fact]
    public async Task The_same_person_keeps_one_opaque_id_across_applications()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");

        var first = await (await client.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "900161-0014" })).Content.ReadFromJsonAsync<ApplicationResponse>();
        var second = await (await client.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "19900161-0014" })).Content.ReadFromJsonAsync<ApplicationResponse>();

        second!.PersonId.Should().Be(first!.PersonId);
        second.ApplicationId.Should().NotBe(first.ApplicationId);
    }

    [Theory]
    [InlineData("19900101-0018", "check digit")]
    [InlineData("19900230-0003", "does not exist")]
    [InlineData("not a number", "10 or 12 digits")]
    [InlineData(null, "10 or 12 digits")]
    public async Task An_invalid_personnummer_is_refused_with_the_reason_and_nothing_is_stored(string? personnummer, string reason)
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var before = await CountsAsync();

        var response = await client.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors["personnummer"].Should().ContainSingle().Which.Should().Contain(reason);
        (await CountsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Another_districts_case_is_refused_with_the_reason_and_nothing_is_stored()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var before = await CountsAsync();

        var response = await client.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "19900101-0017", district = "Farsta" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("You act for district 'spanga-tensta'; this case belongs to another district.");
        (await CountsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Malformed_json_and_unknown_ids_get_clear_problems()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");

        var malformed = await client.PostAsync("/api/financial-aid/applications", new StringContent("{\"personnummer\":", Encoding.UTF8, "application/json"));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("JSON");

        var unknown = await client.GetAsync($"/api/financial-aid/applications/{Guid.NewGuid()}");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_social_secretaries_register_applications()
    {
        await AuthorizationMatrix.AssertAsync(Host, HttpMethod.Post, "/api/financial-aid/applications", "SocialSecretary");
    }

    private async Task<(int Persons, int Applications, int Outbox)> CountsAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
        return (await db.Persons.CountAsync(), await db.Applications.CountAsync(), await db.Set<OutboxMessage>().CountAsync());
    }

    /// <summary>Waits until the dispatcher has published the application's event.</summary>
    private Task<OutboxMessage> WaitForDispatchAsync(Guid applicationId) =>
        Poll.UntilAsync(async () =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>();
            var staged = (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync()).SingleOrDefault(m => m.Body.Contains(applicationId.ToString(), StringComparison.Ordinal)
                && m.MessageType.StartsWith(typeof(ApplicationRegistered).FullName!, StringComparison.Ordinal));
            return staged?.DispatchedAt is null ? null : staged;
        }, TimeSpan.FromSeconds(20), $"the event of application {applicationId} to be dispatched");
}
