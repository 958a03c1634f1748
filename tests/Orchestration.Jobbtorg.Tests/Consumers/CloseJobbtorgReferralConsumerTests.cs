using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Endpoints.Referrals;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Messaging;

namespace Orchestration.Jobbtorg.Tests.Consumers;

/// <summary>CloseJobbtorgReferral on the embedded bus: the case closed, so every open Jobbtorg referral of it closes, once.</summary>
public sealed class CloseJobbtorgReferralConsumerTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Every_open_referral_of_the_case_closes_with_one_event_each_and_a_repeated_command_announces_nothing_more()
    {
        var consumed = new ConsumedMessages();
        using var observer = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var jobbtorg = await JobbtorgCase.TakenInAsync(Host, coach);
        var booked = await coach.PostAsJsonAsync($"{JobbtorgCase.Route}/referrals/{jobbtorg.Id}/interventions", new { kind = "WorkTraining" });
        var running = (await booked.Content.ReadFromJsonAsync<InterventionView>(JobbtorgCase.Json))!;
        (await coach.PostAsync($"{JobbtorgCase.Route}/referrals/{jobbtorg.Id}/interventions/{running.InterventionId}/start", null)).EnsureSuccessStatusCode();
        await JobbtorgCase.SendAsync(Host, new IssueJobbtorgReferral(jobbtorg.ReferralId, jobbtorg.PersonId, jobbtorg.District, JobbtorgUnit.JobbtorgResurs,
            DateTimeOffset.UtcNow), Guid.NewGuid());
        var resurs = await JobbtorgCase.WaitForOpenAsync(Host, jobbtorg.ReferralId, JobbtorgUnit.JobbtorgResurs);
        var command = new CloseJobbtorgReferral(jobbtorg.ReferralId, ClosureOutcome.Work, DateTimeOffset.UtcNow);
        var first = Guid.NewGuid();
        var repeat = Guid.NewGuid();

        await JobbtorgCase.SendCommandAsync(Host, command, first);
        await JobbtorgCase.SendCommandAsync(Host, command, first);
        await consumed.WaitForAsync(first, 2, WaitLimit);
        await JobbtorgCase.SendCommandAsync(Host, command with { Outcome = ClosureOutcome.Other }, repeat);
        await consumed.WaitForAsync(repeat, 1, WaitLimit);

        var closed = await JobbtorgCase.QueryAsync(Host, db => db.Referrals.AsNoTracking().Include(r => r.Interventions)
            .Where(r => r.ReferralId == jobbtorg.ReferralId).ToListAsync());
        closed.Select(r => (r.Id, r.Status, r.Outcome, r.ClosedBy)).Should().BeEquivalentTo(new[]
        {
            (jobbtorg.Id, ReferralStatus.Closed, (ClosureOutcome?)ClosureOutcome.Work, (string?)"message:CloseJobbtorgReferral"),
            (resurs.Id, ReferralStatus.Closed, (ClosureOutcome?)ClosureOutcome.Work, (string?)"message:CloseJobbtorgReferral"),
        });
        closed.Single(r => r.Id == jobbtorg.Id).Interventions.Should().ContainSingle().Which.Should()
            .BeEquivalentTo(new { State = InterventionState.Ended, Completed = (bool?)false }, "the case closed while it ran: broken off");
        var staged = await JobbtorgCase.StagedForAsync(Host, jobbtorg.ReferralId);
        staged.Select(s => s.Type).Where(t => t is "JobbtorgReferralClosed" or "JobbtorgInterventionEnded").Should()
            .BeEquivalentTo(["JobbtorgInterventionEnded", "JobbtorgReferralClosed", "JobbtorgReferralClosed"]);
        staged.Where(s => s.Type == "JobbtorgReferralClosed").Should().OnlyContain(s => s.Body.Contains("\"outcome\":\"Work\""));

        var refused = await coach.PostAsJsonAsync($"{JobbtorgCase.Route}/referrals/{jobbtorg.Id}/fia-job-part", new { goal = "Work" });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("was closed (Work)");
    }
}
