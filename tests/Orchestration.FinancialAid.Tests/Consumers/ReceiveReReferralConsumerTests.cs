using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Consumers;
using Orchestration.FinancialAid.Persistence;
using Orchestration.FinancialAid.Tests.Endpoints;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Messaging;

namespace Orchestration.FinancialAid.Tests.Consumers;

/// <summary>Jobbtorg's re-referral reaches the district's case once, however often it is delivered, and waits for a new route decision.</summary>
public sealed class ReceiveReReferralConsumerTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_re_referral_delivered_twice_lands_once_and_the_next_route_decision_answers_it()
    {
        using var client = await Host.CreateClientForAsync("socialsecretary");
        var referral = await ReferralCase.RegisterAsync(client, "19850315-0073");
        await referral.ReadyForRouteDecisionAsync(withFia: false);
        var command = new ReceiveReReferral(referral.Id, Guid.NewGuid(), "spanga-tensta", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        var observer = new ConsumedMessages();
        using var skips = new InboxSkips(nameof(ReceiveReReferralConsumer));
        using var observing = Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        var endpoint = await Host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(ReceiveReReferral)));

        await endpoint.Send(command, c => c.MessageId = messageId);
        await endpoint.Send(command, c => c.MessageId = messageId);
        await observer.WaitForAsync(messageId, deliveries: 2, TimeSpan.FromSeconds(20));

        // The inbox skipped the second delivery: handled twice without a fault, one effect, one event, one inbox row.
        observer.Faulted(messageId).Should().Be(0);
        observer.Handled(messageId).Should().Be(2);
        skips.Count.Should().Be(1);
        (await ReReferralsAsync(referral.Id)).Should().Be(1);
        (await StagedAsync(nameof(ReReferralReceived), referral.Id)).Should().Be(1);
        (await InboxCountAsync(messageId)).Should().Be(1);
        var overview = await client.GetFromJsonAsync<JsonElement>($"{referral.Path}/overview");
        overview.GetProperty("reReferralsAwaitingDecision").EnumerateArray().Select(e => e.GetGuid()).Should().Equal(command.ReReferralId);

        await referral.ExpectCreatedAsync("route-decisions", new { routes = new[] { "DistrictIntervention" }, reason = "Återremitterad", individualsView = "Vill komma igång" });
        var after = await client.GetFromJsonAsync<JsonElement>($"{referral.Path}/overview");
        after.GetProperty("reReferralsAwaitingDecision").GetArrayLength().Should().Be(0);
    }

    private async Task<int> ReReferralsAsync(Guid referralId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().ReReferrals.CountAsync(r => r.ApplicationId == referralId);
    }

    private async Task<int> InboxCountAsync(Guid messageId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Set<InboxMessage>().CountAsync(m => m.MessageId == messageId);
    }

    private async Task<int> StagedAsync(string eventName, Guid referralId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var staged = await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return staged.Count(m => m.MessageType.Contains($".{eventName},", StringComparison.Ordinal) && m.Body.Contains(referralId.ToString(), StringComparison.Ordinal));
    }
}
