using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests.Endpoints;

/// <summary>Wrong input, unknown ids and steps out of order: a clear ProblemDetails and nothing changed, not even the audit log.</summary>
public sealed class RefusalsTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Route = JobbtorgCase.Route;

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Malformed_json_is_a_bad_request_that_changes_nothing()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await JobbtorgCase.ReceiveAsync(Host);
        var before = await JobbtorgCase.CountsAsync(Host);

        var response = await coach.PostAsync($"{Route}/referrals/{referral.Id}/intake", new StringContent("{\"highestEducation\":", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("JSON");
        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before);
    }

    [Fact]
    public async Task Unknown_referrals_interventions_and_re_referrals_are_not_found()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await JobbtorgCase.TakenInAsync(Host, coach);
        var unknown = Guid.NewGuid();
        var before = await JobbtorgCase.CountsAsync(Host);

        var answers = new[]
        {
            await coach.GetAsync($"{Route}/referrals/{unknown}"),
            await coach.PostAsJsonAsync($"{Route}/referrals/{unknown}/intake", JobbtorgCase.Intake),
            await coach.PostAsJsonAsync($"{Route}/referrals/{unknown}/re-referral", new { reasonCode = "Motivation" }),
            await coach.PostAsync($"{Route}/referrals/{referral.Id}/interventions/{unknown}/start", null),
            await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions/{unknown}/end", new { completed = true }),
            await coach.GetAsync($"{Route}/re-referrals/{unknown}"),
        };

        foreach (var answer in answers)
        {
            answer.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await answer.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain(unknown.ToString());
        }

        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before);
    }

    [Theory]
    [InlineData("""{"highestEducation":"Doctorate","swedishLevel":"SfiD","jobSeeking":"SeekingActively"}""", "highestEducation", "UpperSecondary")]
    [InlineData("""{"highestEducation":"1","swedishLevel":"SfiD","jobSeeking":"SeekingActively"}""", "highestEducation", "is not one of")]
    [InlineData("""{"highestEducation":"Primary","swedishLevel":"SfiE","jobSeeking":"SeekingActively"}""", "swedishLevel", "SfiD")]
    [InlineData("""{"highestEducation":"Primary","swedishLevel":"SfiD"}""", "jobSeeking", "SeekingActively")]
    [InlineData("""{"highestEducation":"Primary","swedishLevel":"SfiD","jobSeeking":"NotSeeking","yearsSinceLastWork":-1}""", "yearsSinceLastWork", "0 to 60")]
    public async Task An_intake_with_an_invalid_answer_is_refused_field_by_field(string body, string field, string hint)
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await JobbtorgCase.ReceiveAsync(Host);
        var before = await JobbtorgCase.CountsAsync(Host);

        var response = await coach.PostAsync($"{Route}/referrals/{referral.Id}/intake", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Should().ContainKey(field).WhoseValue.Should().ContainSingle().Which.Should().Contain(hint);
        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before);
    }

    [Fact]
    public async Task Invalid_codes_and_dates_are_refused_with_the_allowed_values()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await JobbtorgCase.TakenInAsync(Host, coach);
        var resurs = await JobbtorgCase.ReceiveAsync(Host, unit: JobbtorgUnit.JobbtorgResurs);
        var booked = (await (await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions", new { kind = "WorkTraining" }))
            .Content.ReadFromJsonAsync<InterventionView>(JobbtorgCase.Json))!;
        var before = await JobbtorgCase.CountsAsync(Host);

        await ExpectInvalidAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions", new { kind = "Skydiving" }), "kind", "WorkTraining");
        await ExpectInvalidAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions", new { kind = "WorkTraining", plannedStartOn = "2001-01-01" }),
            "plannedStartOn", "today or later");
        await ExpectInvalidAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/re-referral", new { reasonCode = "Weather" }), "reasonCode", "MentalIllHealth");
        await ExpectInvalidAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/re-referral", new { reasonCode = "Other" }), "reasonText", "free text");
        await ExpectInvalidAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/fia-job-part", new { goal = "Retire" }), "goal", "WorkAndStudies");
        await ExpectInvalidAsync(coach.PostAsJsonAsync($"{Route}/referrals/{resurs.Id}/resurs-intake", new { plannedTransferOn = "2001-01-01" }),
            "plannedTransferOn", "or later");
        await ExpectInvalidAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions/{booked.InterventionId}/end", new { }), "completed", "broken off");
        await ExpectInvalidAsync(coach.GetAsync($"{Route}/referrals?status=Lost"), "status", "ReReferred");

        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before);
    }

    [Fact]
    public async Task Steps_out_of_order_are_conflicts_that_change_nothing()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var received = await JobbtorgCase.ReceiveAsync(Host);
        var takenIn = await JobbtorgCase.TakenInAsync(Host, coach);
        var booked = (await (await coach.PostAsJsonAsync($"{Route}/referrals/{takenIn.Id}/interventions", new { kind = "WorkTraining" }))
            .Content.ReadFromJsonAsync<InterventionView>(JobbtorgCase.Json))!;
        var before = await JobbtorgCase.CountsAsync(Host);

        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/fia-job-part", new { goal = "Work" }), "before the FIA education/job part");
        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{received.Id}/interventions", new { kind = "WorkTraining" }), "before booking");
        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{takenIn.Id}/intake", JobbtorgCase.Intake), "recorded once");
        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{takenIn.Id}/resurs-intake", new { plannedTransferOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7) }),
            "not to Jobbtorg Resurs");
        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{takenIn.Id}/interventions/{booked.InterventionId}/end", new { completed = true }), "never started");
        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before);

        (await coach.PostAsync($"{Route}/referrals/{takenIn.Id}/interventions/{booked.InterventionId}/start", null)).EnsureSuccessStatusCode();
        var running = await JobbtorgCase.CountsAsync(Host);
        await ExpectConflictAsync(coach.PostAsync($"{Route}/referrals/{takenIn.Id}/interventions/{booked.InterventionId}/start", null), "starts once");
        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{takenIn.Id}/re-referral", new { reasonCode = "Motivation" }), "End the running");
        (await JobbtorgCase.CountsAsync(Host)).Should().Be(running);
    }

    [Fact]
    public async Task A_re_referred_referral_takes_no_more_changes()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await JobbtorgCase.ReceiveAsync(Host);
        (await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/re-referral", new { reasonCode = "Other", reasonText = "Kom aldrig till första besöket" }))
            .StatusCode.Should().Be(HttpStatusCode.Created, "a person who never came can be sent back before any intake");
        var before = await JobbtorgCase.CountsAsync(Host);

        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/re-referral", new { reasonCode = "Motivation" }), "re-referred");
        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/intake", JobbtorgCase.Intake), "re-referred");
        await ExpectConflictAsync(coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions", new { kind = "WorkTraining" }), "re-referred");

        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before);
    }

    private static async Task ExpectInvalidAsync(Task<HttpResponseMessage> call, string field, string hint)
    {
        var response = await call;
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Should().ContainKey(field).WhoseValue.Should().ContainSingle().Which.Should().Contain(hint);
    }

    private static async Task ExpectConflictAsync(Task<HttpResponseMessage> call, string detail)
    {
        var response = await call;
        response.StatusCode.Should().Be(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain(detail);
    }
}
