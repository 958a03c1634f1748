using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Domain;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Messaging;
using static Orchestration.Interventions.Tests.Support.InterventionsTestKit;

namespace Orchestration.Interventions.Tests.Consumers;

/// <summary>CloseInterventionReferral on the embedded bus: the process closes what is open, once, and leaves closed ones as they are.</summary>
public sealed class CloseInterventionReferralConsumerTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Without_an_intervention_referral_id_the_open_one_of_the_case_closes_and_an_earlier_closed_one_keeps_its_outcome()
    {
        using var secretary = await Host.CreateClientForAsync("socialsecretary");
        var earlier = await OpenReferralAsync(Host);
        await ExpectAsync(secretary.PostAsJsonAsync($"{Referrals}/{earlier.Id}/close", new { outcome = "LostContact" }), HttpStatusCode.OK);
        await SendAsync(Host, new OpenInterventionReferral(earlier.ReferralId, earlier.PersonId, OwnDistrict, DateTimeOffset.UtcNow), NewId.NextGuid());
        var current = await Poll.UntilAsync(() => QueryAsync(Host, db => db.Referrals.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ReferralId == earlier.ReferralId && r.State == ReferralState.Opened)), WaitLimit, "the second intervention referral");

        await CloseAsync(Host, new CloseInterventionReferral(earlier.ReferralId, null, ClosureOutcome.MovedOrChangedDistrict, DateTimeOffset.UtcNow));

        var closed = await Poll.UntilAsync(() => QueryAsync(Host, db => db.Referrals.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == current.Id && r.State == ReferralState.Closed)), WaitLimit, "the open one to close");
        closed.Outcome.Should().Be(ClosureOutcome.MovedOrChangedDistrict);
        closed.TransferredToJobbtorgResurs.Should().BeFalse("no transfer was decided");
        (await QueryAsync(Host, db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == earlier.Id))).Outcome.Should().Be(ClosureOutcome.LostContact);
        (await ClosedEventsAsync(current.Id)).Should().ContainSingle().Which.Should().Contain("\"outcome\":\"MovedOrChangedDistrict\"");
        (await ClosedEventsAsync(earlier.Id)).Should().ContainSingle("the earlier one announced its own closure only");
    }

    [Fact]
    public async Task A_repeated_command_or_a_redelivery_closes_nothing_twice_and_announces_once()
    {
        var consumed = new ConsumedMessages();
        using var observer = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var referral = await OpenReferralAsync(Host);
        var command = new CloseInterventionReferral(referral.ReferralId, referral.Id, ClosureOutcome.Work, DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();
        var repeat = NewId.NextGuid();

        await CloseAsync(Host, command, messageId);
        await CloseAsync(Host, command, messageId);
        await CloseAsync(Host, command with { Outcome = ClosureOutcome.Other }, repeat);

        await consumed.WaitForAsync(messageId, 2, WaitLimit);
        await consumed.WaitForAsync(repeat, 1, WaitLimit);
        var closed = await QueryAsync(Host, db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id));
        closed.State.Should().Be(ReferralState.Closed);
        closed.Outcome.Should().Be(ClosureOutcome.Work, "a closed referral stays closed with its first outcome");
        (await ClosedEventsAsync(referral.Id)).Should().ContainSingle();
    }

    [Fact]
    public async Task An_unknown_intervention_referral_closes_nothing()
    {
        var consumed = new ConsumedMessages();
        using var observer = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var referral = await OpenReferralAsync(Host);
        var messageId = NewId.NextGuid();

        await CloseAsync(Host, new CloseInterventionReferral(referral.ReferralId, Guid.NewGuid(), ClosureOutcome.Work, DateTimeOffset.UtcNow), messageId);

        await consumed.WaitForAsync(messageId, 1, WaitLimit);
        (await QueryAsync(Host, db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id))).State.Should().Be(ReferralState.Opened);
        (await ClosedEventsAsync(referral.Id)).Should().BeEmpty();
    }

    private Task<List<string>> ClosedEventsAsync(Guid interventionReferralId) => QueryAsync(Host, async db =>
        (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.StartsWith(typeof(InterventionClosed).FullName!)).ToListAsync())
            .Where(m => m.Body.Contains(interventionReferralId.ToString()))
            .Select(m => m.Body)
            .ToList());
}
