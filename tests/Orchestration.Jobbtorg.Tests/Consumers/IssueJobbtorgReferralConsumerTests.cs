using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Jobbtorg.Commands;
using Orchestration.Contracts.Referrals;
using Orchestration.Jobbtorg.Domain;
using Orchestration.Jobbtorg.Tests.Support;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Messaging;

namespace Orchestration.Jobbtorg.Tests.Consumers;

/// <summary>IssueJobbtorgReferral on the embedded in-memory bus: one record and one event per referral, whatever is redelivered.</summary>
public sealed class IssueJobbtorgReferralConsumerTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task The_command_opens_a_received_referral_and_announces_it_with_ids_only()
    {
        var command = new IssueJobbtorgReferral(Guid.NewGuid(), Guid.NewGuid(), "Farsta", JobbtorgUnit.JobbtorgResurs, DateTimeOffset.UtcNow);

        await JobbtorgCase.SendAsync(Host, command, Guid.NewGuid());

        var referral = await JobbtorgCase.WaitForOpenAsync(Host, command.ReferralId, JobbtorgUnit.JobbtorgResurs);
        referral.Should().BeEquivalentTo(new { command.ReferralId, command.PersonId, District = "farsta", Unit = JobbtorgUnit.JobbtorgResurs, Status = ReferralStatus.Received });
        var staged = await JobbtorgCase.StagedForAsync(Host, command.ReferralId);
        staged.Should().ContainSingle().Which.Type.Should().Be("JobbtorgReferralReceived");
        staged[0].Body.Should().Contain(referral.Id.ToString()).And.Contain("\"district\":\"farsta\"").And.Contain("\"unit\":\"JobbtorgResurs\"")
            .And.NotContain(command.PersonId.ToString(), "the receivers need the referral, not the person");
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect_and_one_event()
    {
        var observer = new ConsumedMessages();
        using var connection = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        var command = new IssueJobbtorgReferral(Guid.NewGuid(), Guid.NewGuid(), JobbtorgCase.LocalDistrict, JobbtorgUnit.Jobbtorg, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await JobbtorgCase.SendAsync(Host, command, messageId);
        await JobbtorgCase.SendAsync(Host, command, messageId);

        await Poll.UntilAsync(() => Task.FromResult(observer.Count(messageId) >= 2 ? "both" : null), TimeSpan.FromSeconds(20), "both deliveries");
        var (referrals, inbox) = await JobbtorgCase.QueryAsync(Host, async db => (
            await db.Referrals.CountAsync(r => r.ReferralId == command.ReferralId),
            await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
        referrals.Should().Be(1);
        inbox.Should().Be(1);
        (await JobbtorgCase.StagedForAsync(Host, command.ReferralId)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_new_command_for_a_referral_still_open_adds_nothing_but_another_unit_opens_its_own()
    {
        var observer = new ConsumedMessages();
        using var connection = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        var command = new IssueJobbtorgReferral(Guid.NewGuid(), Guid.NewGuid(), JobbtorgCase.LocalDistrict, JobbtorgUnit.Jobbtorg, DateTimeOffset.UtcNow);
        await JobbtorgCase.SendAsync(Host, command, Guid.NewGuid());
        var first = await JobbtorgCase.WaitForOpenAsync(Host, command.ReferralId, JobbtorgUnit.Jobbtorg);

        var repeat = Guid.NewGuid();
        await JobbtorgCase.SendAsync(Host, command, repeat);
        await Poll.UntilAsync(() => Task.FromResult(observer.Count(repeat) >= 1 ? "done" : null), TimeSpan.FromSeconds(20), "the repeated command");
        await JobbtorgCase.SendAsync(Host, command with { Unit = JobbtorgUnit.JobbtorgResurs }, Guid.NewGuid());
        var resurs = await JobbtorgCase.WaitForOpenAsync(Host, command.ReferralId, JobbtorgUnit.JobbtorgResurs);

        var ids = await JobbtorgCase.QueryAsync(Host, db => db.Referrals.Where(r => r.ReferralId == command.ReferralId).Select(r => r.Id).ToListAsync());
        ids.Should().BeEquivalentTo([first.Id, resurs.Id]);
        (await JobbtorgCase.StagedForAsync(Host, command.ReferralId)).Select(s => s.Type).Should().Equal("JobbtorgReferralReceived", "JobbtorgReferralReceived");
    }

    [Fact]
    public async Task After_a_re_referral_the_district_can_refer_the_person_to_Jobbtorg_again()
    {
        using var coach = await Host.CreateClientForAsync("jobbtorgcoach");
        var first = await JobbtorgCase.TakenInAsync(Host, coach);
        var reReferred = await coach.PostAsJsonAsync($"{JobbtorgCase.Route}/referrals/{first.Id}/re-referral", new { reasonCode = "NeedsCareContact" });
        reReferred.IsSuccessStatusCode.Should().BeTrue(await reReferred.Content.ReadAsStringAsync());

        await JobbtorgCase.SendAsync(Host, new IssueJobbtorgReferral(first.ReferralId, first.PersonId, first.District, JobbtorgUnit.Jobbtorg, DateTimeOffset.UtcNow), Guid.NewGuid());

        var again = await JobbtorgCase.WaitForOpenAsync(Host, first.ReferralId, JobbtorgUnit.Jobbtorg);
        again.Id.Should().NotBe(first.Id, "the loop of seed 004 opens a new Jobbtorg record after the re-referral");
        again.Status.Should().Be(ReferralStatus.Received);
    }
}
