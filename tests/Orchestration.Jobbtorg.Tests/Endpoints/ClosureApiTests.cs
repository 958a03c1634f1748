using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.Testing.Hosting;

namespace Orchestration.Jobbtorg.Tests.Endpoints;

/// <summary>A coach closes a referral with an outcome: after its interventions ended, announced once, and nothing is written on it afterwards.</summary>
public sealed class ClosureApiTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private const string Route = JobbtorgCase.Route;

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_coach_closes_a_referral_when_the_person_got_work_and_a_closed_referral_refuses_further_writes()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await JobbtorgCase.TakenInAsync(Host, coach);
        var running = (await (await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions", new { kind = "JobMatching" }))
            .Content.ReadFromJsonAsync<InterventionView>(JobbtorgCase.Json))!;
        (await coach.PostAsync($"{Route}/referrals/{referral.Id}/interventions/{running.InterventionId}/start", null)).EnsureSuccessStatusCode();
        var lapsing = (await (await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions", new { kind = "Validation" }))
            .Content.ReadFromJsonAsync<InterventionView>(JobbtorgCase.Json))!;
        var before = await JobbtorgCase.CountsAsync(Host);

        var early = await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/close", new { outcome = "Work" });
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("End the running Jobbtorg interventions");
        var invalid = await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/close", new { outcome = "Retired" });
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors["outcome"].Single().Should().Contain("MovedOrChangedDistrict");
        (await JobbtorgCase.CountsAsync(Host)).Should().Be(before, "a refused close changes nothing");

        (await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions/{running.InterventionId}/end", new { completed = true })).EnsureSuccessStatusCode();
        var closing = await coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/close", new { outcome = "work", note = "Anställd som lagerarbetare" });

        closing.StatusCode.Should().Be(HttpStatusCode.OK, await closing.Content.ReadAsStringAsync());
        var closed = (await closing.Content.ReadFromJsonAsync<ReferralResponse>(JobbtorgCase.Json))!;
        closed.Status.Should().Be(ReferralStatus.Closed);
        closed.Closure.Should().BeEquivalentTo(new { Outcome = ClosureOutcome.Work, ClosedBy = "jobbtorgcoach", Note = "Anställd som lagerarbetare" });
        closed.Interventions.Single(i => i.InterventionId == lapsing.InterventionId).State.Should().Be(InterventionState.Cancelled);
        var staged = await JobbtorgCase.StagedForAsync(Host, referral.ReferralId);
        staged.Last().Type.Should().Be("JobbtorgReferralClosed");
        staged.Last().Body.Should().Contain("\"outcome\":\"Work\"").And.Contain(referral.Id.ToString()).And.NotContain("lagerarbetare");

        var afterClose = await JobbtorgCase.CountsAsync(Host);
        foreach (var write in new[]
        {
            coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/close", new { outcome = "Studies" }),
            coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/interventions", new { kind = "WorkTraining" }),
            coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/re-referral", new { reasonCode = "Motivation" }),
            coach.PostAsJsonAsync($"{Route}/referrals/{referral.Id}/fia-job-part", new { goal = "Work" }),
        })
        {
            var response = await write;
            response.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("was closed (Work)");
        }

        (await JobbtorgCase.CountsAsync(Host)).Should().Be(afterClose);
        (await JobbtorgCase.StagedForAsync(Host, referral.ReferralId)).Count(s => s.Type == "JobbtorgReferralClosed").Should().Be(1);

        await JobbtorgCase.SendAsync(Host, new IssueJobbtorgReferral(referral.ReferralId, referral.PersonId, referral.District, JobbtorgUnit.Jobbtorg,
            DateTimeOffset.UtcNow), Guid.NewGuid());
        (await JobbtorgCase.WaitForOpenAsync(Host, referral.ReferralId, JobbtorgUnit.Jobbtorg)).Id.Should().NotBe(referral.Id,
            "a new referral of the district opens a new record after the closure");
    }
}
