using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Interventions.Consumers;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Tests.Support;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Messaging;
using static Orchestration.Interventions.Tests.Support.InterventionsTestKit;

namespace Orchestration.Interventions.Tests.Consumers;

/// <summary>OpenInterventionReferral on the embedded bus: one referral and one event per referral, however often it arrives.</summary>
public sealed class OpenInterventionReferralConsumerTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task The_command_opens_a_referral_in_the_persons_district_and_publishes_InterventionReferralOpened_once()
    {
        var command = new OpenInterventionReferral(Guid.NewGuid(), Guid.NewGuid(), " Farsta ", TimeProvider.System.GetUtcNow());

        await SendAsync(Host, command, NewId.NextGuid());

        var referral = await Poll.UntilAsync(() => QueryAsync(Host, db => db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.ReferralId == command.ReferralId)),
            WaitLimit, "the referral");
        referral.Should().BeEquivalentTo(new { command.PersonId, District = "farsta", State = ReferralState.Opened, InterventionId = (Guid?)null });
        var staged = await Poll.UntilAsync(async () => (await StagedAsync(command.ReferralId)) is [{ DispatchedAt: not null } one] ? one : null,
            WaitLimit, "the event to be dispatched");
        staged.MessageType.Should().StartWith(typeof(InterventionReferralOpened).FullName!);
        staged.Body.Should().Contain(referral.Id.ToString()).And.Contain("\"district\":\"farsta\"").And.NotContain(command.PersonId.ToString());
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var consumed = new ConsumedMessages();
        using var observer = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var command = new OpenInterventionReferral(Guid.NewGuid(), Guid.NewGuid(), OwnDistrict, TimeProvider.System.GetUtcNow());
        var messageId = NewId.NextGuid();

        await SendAsync(Host, command, messageId);
        await SendAsync(Host, command, messageId);

        await consumed.WaitForAsync(messageId, 2, WaitLimit);
        (await QueryAsync(Host, db => db.Referrals.CountAsync(r => r.ReferralId == command.ReferralId))).Should().Be(1);
        (await StagedAsync(command.ReferralId)).Should().ContainSingle();
        (await QueryAsync(Host, db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId && m.Consumer == nameof(OpenInterventionReferralConsumer))))
            .Should().Be(1);
    }

    [Fact]
    public async Task A_second_command_for_a_referral_with_an_open_intervention_referral_opens_no_second_one_but_after_closure_it_does()
    {
        var consumed = new ConsumedMessages();
        using var observer = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var command = new OpenInterventionReferral(Guid.NewGuid(), Guid.NewGuid(), OwnDistrict, TimeProvider.System.GetUtcNow());
        var first = NewId.NextGuid();
        var repeated = NewId.NextGuid();

        await SendAsync(Host, command, first);
        await consumed.WaitForAsync(first, 1, WaitLimit);
        await SendAsync(Host, command, repeated);
        await consumed.WaitForAsync(repeated, 1, WaitLimit);

        (await QueryAsync(Host, db => db.Referrals.CountAsync(r => r.ReferralId == command.ReferralId))).Should().Be(1);
        (await StagedAsync(command.ReferralId)).Should().ContainSingle();

        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var open = await QueryAsync(Host, db => db.Referrals.AsNoTracking().SingleAsync(r => r.ReferralId == command.ReferralId));
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{open.Id}/close", new { outcome = "Other" }), System.Net.HttpStatusCode.OK);
        var restart = NewId.NextGuid();
        await SendAsync(Host, command, restart);
        await consumed.WaitForAsync(restart, 1, WaitLimit);

        (await QueryAsync(Host, db => db.Referrals.CountAsync(r => r.ReferralId == command.ReferralId))).Should().Be(2, "a restart after closure is a new intervention referral");
    }

    private Task<List<OutboxMessage>> StagedAsync(Guid referralId) => QueryAsync(Host, async db =>
        (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync())
            .Where(m => m.MessageType.StartsWith(typeof(InterventionReferralOpened).FullName!, StringComparison.Ordinal) && m.Body.Contains(referralId.ToString()))
            .ToList());
}
