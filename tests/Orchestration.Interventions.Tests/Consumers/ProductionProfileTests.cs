using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.Interventions.Commands;
using Orchestration.Contracts.Referrals;
using Orchestration.Interventions.Domain;
using Orchestration.Interventions.Endpoints.Catalogue;
using Orchestration.Interventions.Tests.Support;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Testing.Messaging;
using static Orchestration.Interventions.Tests.Support.InterventionsTestKit;

namespace Orchestration.Interventions.Tests.Consumers;

/// <summary>The module on real PostgreSQL and RabbitMQ (production profile, its own database and vhost).</summary>
[Trait("Category", "Integration")]
public sealed class ProductionProfileTests
{
    [Fact]
    public async Task Commands_through_RabbitMQ_have_one_effect_each_and_the_whole_path_to_the_Resurs_transfer_runs_on_PostgreSQL()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        var key = await CreateSocialSecretaryKeyAsync(environment);
        await using var host = await TestHost.StartAsync(environment.Variables().Where(v => v.Key != "Urls")
            .Select(v => $"{v.Key.Replace("__", ":", StringComparison.Ordinal)}={v.Value}").ToArray());
        var consumed = new ConsumedMessages();
        using var observer = host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var command = new OpenInterventionReferral(Guid.NewGuid(), Guid.NewGuid(), OwnDistrict, TimeProvider.System.GetUtcNow());
        var messageId = NewId.NextGuid();

        await SendThroughExchangeAsync(host, command, messageId);
        await SendThroughExchangeAsync(host, command, messageId);

        await consumed.WaitForAsync(messageId, 2, TimeSpan.FromSeconds(30));
        var referral = await QueryAsync(host, db => db.Referrals.AsNoTracking().SingleAsync(r => r.ReferralId == command.ReferralId));
        using var client = host.CreateApiKeyClient(key);
        (await client.GetFromJsonAsync<List<CatalogueEntryResponse>>(Catalogue, Json)).Should().BeEmpty("production seeds no demo catalogue unless asked");
        var entry = (await (await ExpectAsync(client.PostAsJsonAsync(Catalogue,
            new { name = "Praktikcentrum", type = "WorkTraining", targetGroup = "Adults on financial aid", places = 2, pricePerPlace = 60000 }), HttpStatusCode.Created))
            .Content.ReadFromJsonAsync<CatalogueEntryResponse>(Json))!;
        await PrepareAsync(client, referral.Id, entry.InterventionId);
        await ExpectAsync(client.PostAsJsonAsync($"{Referrals}/{referral.Id}/start", new { aidDecisionReference = "BD-1" }), HttpStatusCode.OK);
        await ExpectAsync(client.PostAsJsonAsync($"{Referrals}/{referral.Id}/follow-ups", FollowUp(ready: true)), HttpStatusCode.Created);
        await ExpectAsync(client.PostAsJsonAsync($"{Referrals}/{referral.Id}/transfer-to-jobbtorg-resurs", new { }), HttpStatusCode.OK);
        var close = new CloseInterventionReferral(referral.ReferralId, null, ClosureOutcome.ToJobbtorg, TimeProvider.System.GetUtcNow());
        var closeId = NewId.NextGuid();
        await SendThroughExchangeAsync(host, close, closeId);
        await SendThroughExchangeAsync(host, close, closeId);
        await consumed.WaitForAsync(closeId, 2, TimeSpan.FromSeconds(30));

        var read = await ReadAsync(client, referral.Id);
        read.State.Should().Be(ReferralState.Closed);
        read.Closure.Should().BeEquivalentTo(new { Outcome = ClosureOutcome.ToJobbtorg, TransferredToJobbtorgResurs = true });
        read.Assignment!.Goals.Should().HaveCount(2).And.Contain(g => g.SubGoals.Count == 2);
        read.FollowUps.Should().ContainSingle().Which.Readiness.Should().HaveCount(5);
        var dispatched = await Poll.UntilAsync(() => QueryAsync(host, async db =>
        {
            var staged = await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
            return staged.All(m => m.DispatchedAt is not null) ? staged.OrderBy(m => m.CreatedAt).ToList() : null;
        }), TimeSpan.FromSeconds(30), "every staged event to reach RabbitMQ");
        dispatched.Select(m => m.MessageType.Split(',')[0].Split('.')[^1]).Should().Equal(
            "InterventionReferralOpened", "InterventionChosen", "AssignmentWritten", "InterventionStarted", "InterventionFollowUpRecorded",
            "TransferToResursDecided", "InterventionClosed");
    }

    /// <summary>Sends the command where every sender does: to the exchange bound to the command's queue (CommandRoutes).</summary>
    private static async Task SendThroughExchangeAsync<TCommand>(TestHost host, TCommand command, Guid messageId)
        where TCommand : class
    {
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(CommandRoutes.Address(typeof(TCommand)));
        await endpoint.Send(command, context => context.MessageId = messageId);
    }

    private static async Task<string> CreateSocialSecretaryKeyAsync(ProductionEnvironment environment)
    {
        await using var command = HostProcess.Start(Path.GetTempPath(), environment.Variables(),
            "create-api-key", "--name", "test-social-secretary", "--role", "SocialSecretary", "--district", OwnDistrict);
        (await command.WaitForExitAsync(TimeSpan.FromSeconds(90))).Should().Be(0, command.AllOutput);
        return command.StandardOutput.Single(l => l.StartsWith("orc_", StringComparison.Ordinal));
    }
}
