using System.Net;
using System.Net.Http.Json;
using MassTransit;
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

/// <summary>RequestFiaJobPart on the embedded bus: the FIA education/job part whenever the social secretary asks, with or without a Jobbtorg referral.</summary>
public sealed class RequestFiaJobPartConsumerTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Without_a_Jobbtorg_referral_a_record_opens_for_the_FIA_part_which_the_coach_records_at_once_and_a_later_referral_takes_it_over()
    {
        var consumed = new ConsumedMessages();
        using var observer = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var command = new RequestFiaJobPart(Guid.NewGuid(), Guid.NewGuid(), "Farsta", DateTimeOffset.UtcNow);
        var repeat = Guid.NewGuid();

        await JobbtorgCase.SendCommandAsync(Host, command, Guid.NewGuid());
        var record = await JobbtorgCase.WaitForOpenAsync(Host, command.ReferralId, JobbtorgUnit.Jobbtorg);
        await JobbtorgCase.SendCommandAsync(Host, command, repeat);
        await consumed.WaitForAsync(repeat, 1, WaitLimit);

        record.Should().BeEquivalentTo(new { command.PersonId, District = "farsta", FiaOnly = true, Status = ReferralStatus.Received });
        (await JobbtorgCase.QueryAsync(Host, db => db.Referrals.CountAsync(r => r.ReferralId == command.ReferralId))).Should().Be(1, "a repeated request opens nothing more");
        var listed = (await coach.GetFromJsonAsync<List<ReferralSummary>>($"{JobbtorgCase.Route}/referrals?fiaRequested=true&district=farsta", JobbtorgCase.Json))!;
        listed.Should().Contain(s => s.JobbtorgReferralId == record.Id && s.FiaOnly);

        var fia = await coach.PostAsJsonAsync($"{JobbtorgCase.Route}/referrals/{record.Id}/fia-job-part", new { goal = "Work" });

        fia.StatusCode.Should().Be(HttpStatusCode.OK, await fia.Content.ReadAsStringAsync());
        (await fia.Content.ReadFromJsonAsync<ReferralResponse>(JobbtorgCase.Json))!.FiaJobPart!.Goal.Should().Be(WorkGoal.Work);

        await JobbtorgCase.SendAsync(Host, new IssueJobbtorgReferral(command.ReferralId, command.PersonId, "farsta", JobbtorgUnit.Jobbtorg, DateTimeOffset.UtcNow), Guid.NewGuid());
        await Poll.UntilAsync(() => JobbtorgCase.QueryAsync(Host, db => db.Referrals.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == record.Id && !r.FiaOnly)), WaitLimit, "the FIA record to become the referral");

        (await JobbtorgCase.QueryAsync(Host, db => db.FiaJobParts.CountAsync(f => f.JobbtorgReferralId == record.Id))).Should().Be(1);
        (await JobbtorgCase.StagedForAsync(Host, command.ReferralId)).Select(s => s.Type).Should().Equal("FiaJobPartCompleted", "JobbtorgReferralReceived");
    }

    [Fact]
    public async Task An_open_referral_takes_the_request_so_the_FIA_part_no_longer_waits_for_the_intake()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var referral = await JobbtorgCase.ReceiveAsync(Host);
        var refused = await coach.PostAsJsonAsync($"{JobbtorgCase.Route}/referrals/{referral.Id}/fia-job-part", new { goal = "Studies" });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict, "without a request the FIA part follows the intake");

        await JobbtorgCase.SendCommandAsync(Host, new RequestFiaJobPart(referral.ReferralId, referral.PersonId, referral.District, DateTimeOffset.UtcNow), Guid.NewGuid());
        await Poll.UntilAsync(() => JobbtorgCase.QueryAsync(Host, db => db.Referrals.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == referral.Id && r.FiaRequestedAt != null)), WaitLimit, "the request to reach the referral");

        var fia = await coach.PostAsJsonAsync($"{JobbtorgCase.Route}/referrals/{referral.Id}/fia-job-part", new { goal = "Studies" });

        fia.StatusCode.Should().Be(HttpStatusCode.OK, await fia.Content.ReadAsStringAsync());
        (await JobbtorgCase.QueryAsync(Host, db => db.Referrals.CountAsync(r => r.ReferralId == referral.ReferralId))).Should().Be(1);
        (await JobbtorgCase.StagedForAsync(Host, referral.ReferralId)).Select(s => s.Type).Should().Equal("JobbtorgReferralReceived", "FiaJobPartCompleted");
    }
}
