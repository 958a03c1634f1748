using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Messaging;

namespace Orchestration.Workflows.Api.Tests.Endpoints;

/// <summary>The whole first step: an application registered in financial aid starts the referral workflow, once.</summary>
public sealed class ReferralTriggerTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>
{
    [Fact]
    public async Task An_application_registered_in_financial_aid_starts_the_referral_workflow_once_even_when_the_event_is_redelivered()
    {
        using var owner = await fixture.Host.CreateClientForAsync("processowner");
        var referral = ReferralFlowJson.Model("referral-process", "referred", "MappingDone");
        var trigger = ReferralFlowJson.Activity("Registered", "Elsa.Event", ("eventName", ReferralFlowJson.Literal(nameof(ApplicationRegistered))));
        trigger["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        referral["root"]!["activities"]!.AsArray().Insert(0, trigger);
        referral["root"]!["connections"]!.AsArray().Add(ReferralFlowJson.Connection("Registered", "Wait1"));
        var saved = await owner.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = referral, publish = true });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        using var secretary = await fixture.Host.CreateClientForAsync("socialsecretary");
        var registered = await secretary.PostAsJsonAsync("/api/financial-aid/applications", new { personnummer = "19900101-0017" });
        var applicationId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["applicationId"]!.ToString();

        var instance = await WaitForInstanceAsync(owner, applicationId, TimeSpan.FromSeconds(30));
        instance["definitionId"]!.ToString().Should().Be("referral-process");
        instance["subStatus"]!.ToString().Should().Be("Suspended", "the referral now waits for the mapping");

        // The same message again (as a broker would redeliver it), awaited until the bus has handled it: no second referral.
        var messageId = await OutboxIdAsync(applicationId);
        var deliveries = new ConsumedMessages();
        using (fixture.Host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(deliveries))
        {
            await fixture.Host.Services.GetRequiredService<IBus>().Publish(
                new ApplicationRegistered(Guid.Parse(applicationId), Guid.NewGuid(), "spanga-tensta", DateTimeOffset.UnixEpoch), c => c.MessageId = messageId);
            await deliveries.WaitForAsync(messageId, 1, TimeSpan.FromSeconds(30));
        }

        deliveries.Faulted(messageId).Should().Be(0, "the inbox drops a repeat quietly, it does not fail it");
        var all = await owner.PostAsJsonAsync("/elsa/api/workflow-instances", new { correlationId = applicationId });
        (await all.Content.ReadFromJsonAsync<JsonObject>())!["totalCount"]!.GetValue<int>().Should().Be(1);
    }

    private async Task<Guid> OutboxIdAsync(string applicationId)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var staged = await scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return staged.Single(m => m.MessageType.Contains(nameof(ApplicationRegistered), StringComparison.Ordinal) && m.Body.Contains(applicationId, StringComparison.Ordinal)).Id;
    }

    private static Task<JsonObject> WaitForInstanceAsync(HttpClient client, string correlationId, TimeSpan timeout) =>
        Poll.UntilAsync(async () =>
        {
            var response = await client.PostAsJsonAsync("/elsa/api/workflow-instances", new { correlationId });
            var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
            return items.Count > 0 ? items[0]!.AsObject() : null;
        }, timeout, $"a workflow instance with correlation id {correlationId}");
}
