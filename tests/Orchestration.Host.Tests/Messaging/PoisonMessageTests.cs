using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Access;
using Orchestration.Access.Endpoints;
using Orchestration.Contracts.FinancialAid.Commands;
using Orchestration.FinancialAid.Persistence;
using Orchestration.ServiceDefaults.Messaging;
using Orchestration.ServiceDefaults.Security;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using RabbitMQ.Client;

namespace Orchestration.Host.Tests.Messaging;

/// <summary>
/// Poison messages on a real module queue (the financial-aid module's re-referral commands) in the production
/// profile: bytes that are no JSON, JSON of the wrong shape and a command whose consumer throws all end in the
/// error queue with their reason, where an admin (and only an admin) sees them through the API and redelivers
/// them; the fixable one then succeeds, the others come back to the error queue rather than vanish.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PoisonMessageTests
{
    private static readonly string MessageType = $"urn:message:{typeof(ReceiveReReferral).Namespace}:{nameof(ReceiveReReferral)}";

    [Fact]
    public async Task Undeserializable_and_failing_messages_reach_the_error_queue_with_their_reason_and_an_admin_redelivers_them()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var host = await ProductionHost.StartAsync(environment, "FinancialAid");
        using var admin = host.CreateApiKeyClient(await CreateKeyAsync(host, Roles.Admin));
        using var secretary = host.CreateApiKeyClient(await CreateKeyAsync(host, Roles.SocialSecretary, "spanga-tensta"));
        var queue = CommandRoutes.QueueName(typeof(ReceiveReReferral));
        var unknownReferral = Guid.NewGuid();
        var reReferralId = Guid.NewGuid();
        var (garbage, wrongShape, failing) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await PublishAsync(host, queue, garbage, [0xFF, 0xFE, 0x00, 0x7B, 0x22, 0x0A, 0xC3]);
        await PublishAsync(host, queue, wrongShape, Envelope(wrongShape, """{ "referralId": "not-a-guid", "reReferralId": 12, "district": ["x"], "reReferredAt": false }"""));
        await PublishAsync(host, queue, failing, Envelope(failing,
            $$"""{ "referralId": "{{unknownReferral}}", "reReferralId": "{{reReferralId}}", "district": "spanga-tensta", "reReferredAt": "2026-01-05T10:00:00+00:00" }"""));

        var listed = await Poll.UntilAsync(async () =>
        {
            var messages = await ListAsync(admin, queue);
            return messages.Count >= 3 ? messages : null;
        }, TimeSpan.FromSeconds(90), $"three messages in {queue}_error");

        listed.Select(m => m.MessageId).Should().BeEquivalentTo([garbage.ToString(), wrongShape.ToString(), failing.ToString()]);
        listed.Should().OnlyContain(m => !string.IsNullOrEmpty(m.ExceptionType) && !string.IsNullOrEmpty(m.ExceptionMessage), "each says why it failed");
        listed.Single(m => m.MessageId == failing.ToString()).ExceptionMessage.Should().Contain(unknownReferral.ToString());
        listed.Single(m => m.MessageId == garbage.ToString()).ExceptionType.Should().Contain("Json", "bytes that are no JSON fail in the deserializer");
        listed.Single(m => m.MessageId == wrongShape.ToString()).ExceptionMessage.Should().Contain("Guid", "the reason names the field type that did not fit");
        (await QueryAsync(host, db => db.ReReferrals.CountAsync())).Should().Be(0, "no failed message changed anything");

        (await secretary.GetAsync("/api/admin/error-queues")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await secretary.GetAsync($"/api/admin/error-queues/{queue}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/admin/error-queues/{queue}/redeliver", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ListAsync(admin, queue)).Should().HaveCount(3, "a refused redelivery moves nothing");

        // Fix the cause of the failing one, then redeliver all three.
        await ReferralSeed.AddAsync(host, unknownReferral);
        var redelivered = await admin.PostAsync($"/api/admin/error-queues/{queue}/redeliver", null);
        redelivered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await redelivered.Content.ReadFromJsonAsync<ErrorQueuesApi.RedeliverResponse>())!.Redelivered.Should().Be(3,
            "all three go back, each once: one that fails again at once is not moved round a second time");

        await Poll.UntilAsync(async () => await QueryAsync(host, db => db.ReReferrals.AnyAsync(r => r.Id == reReferralId)) ? "there" : null,
            TimeSpan.FromSeconds(60), "the fixed command to reach the case");
        var back = await Poll.UntilAsync(async () =>
        {
            var messages = await ListAsync(admin, queue);
            return messages.Count >= 2 ? messages : null;
        }, TimeSpan.FromSeconds(90), "the two malformed messages back in the error queue");
        back.Select(m => m.MessageId).Should().BeEquivalentTo([garbage.ToString(), wrongShape.ToString()], "what cannot be fixed is kept, not dropped");
    }

    [Fact]
    public async Task A_message_of_a_type_the_queue_has_no_consumer_for_lands_in_the_skipped_queue_where_an_admin_sees_and_redelivers_it()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var host = await ProductionHost.StartAsync(environment, "FinancialAid");
        using var admin = host.CreateApiKeyClient(await CreateKeyAsync(host, Roles.Admin));
        using var secretary = host.CreateApiKeyClient(await CreateKeyAsync(host, Roles.SocialSecretary, "spanga-tensta"));
        var queue = CommandRoutes.QueueName(typeof(ReceiveReReferral));
        var stray = Guid.NewGuid();

        // A well-formed envelope of a type nobody on this queue consumes: a sender newer than this host, or a wrong route.
        await PublishAsync(host, queue, stray, Encoding.UTF8.GetBytes($$"""
            { "messageId": "{{stray}}", "messageType": ["urn:message:Orchestration.Contracts.Future:NotYetKnown"], "message": { "referralId": "{{Guid.NewGuid()}}" }, "headers": {} }
            """));

        var skipped = await Poll.UntilAsync(async () =>
        {
            var messages = await ListAsync(admin, queue, "skipped");
            return messages.Count > 0 ? messages : null;
        }, TimeSpan.FromSeconds(90), $"the stray message in {queue}_skipped");
        skipped.Should().ContainSingle().Which.MessageId.Should().Be(stray.ToString());
        (await ListAsync(admin, queue)).Should().BeEmpty("nothing failed: the message was set aside, not faulted");
        (await admin.GetFromJsonAsync<ErrorQueuesApi.QueuesResponse>("/api/admin/error-queues"))!.Kinds.Should().Equal("error", "skipped");

        var unknownKind = await admin.GetAsync($"/api/admin/error-queues/{queue}?kind=dropped");
        unknownKind.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknownKind.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await secretary.GetAsync($"/api/admin/error-queues/{queue}?kind=skipped")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/admin/error-queues/{queue}/redeliver?kind=skipped", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Redelivered, it is still of no consumer's type: it comes back to the skipped queue rather than vanish.
        var redelivered = await admin.PostAsync($"/api/admin/error-queues/{queue}/redeliver?kind=skipped", null);
        redelivered.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = (await redelivered.Content.ReadFromJsonAsync<ErrorQueuesApi.RedeliverResponse>())!;
        answer.Redelivered.Should().Be(1);
        answer.From.Should().Be($"{queue}_skipped");
        var back = await Poll.UntilAsync(async () =>
        {
            var messages = await ListAsync(admin, queue, "skipped");
            return messages.Count > 0 ? messages : null;
        }, TimeSpan.FromSeconds(90), "the stray message back in the skipped queue");
        back.Should().ContainSingle().Which.MessageId.Should().Be(stray.ToString(), "what no consumer takes is kept, not dropped");
    }

    private static async Task<List<ErrorQueueMessage>> ListAsync(HttpClient admin, string queue, string? kind = null)
    {
        var response = await admin.GetAsync(kind is null ? $"/api/admin/error-queues/{queue}" : $"/api/admin/error-queues/{queue}?kind={kind}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<ErrorQueuesApi.MessagesResponse>())!.Messages];
    }

    /// <summary>A MassTransit JSON envelope around <paramref name="message"/>, as another service (or a broken one) would send it.</summary>
    private static byte[] Envelope(Guid messageId, string message) => Encoding.UTF8.GetBytes($$"""
        { "messageId": "{{messageId}}", "messageType": ["{{MessageType}}"], "message": {{message}}, "headers": {} }
        """);

    /// <summary>Straight onto the queue through the default exchange, past MassTransit's serializer.</summary>
    private static async Task PublishAsync(TestHost host, string queue, Guid messageId, byte[] body)
    {
        var connection = await host.Services.GetRequiredService<RabbitMqConnectionProvider>().GetAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, body);
    }

    private static async Task<string> CreateKeyAsync(TestHost host, string role, string? district = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var created = await AccessApi.CreateApiKeyAsync(scope.ServiceProvider.GetRequiredService<AccessDbContext>(), $"poison-{role}", [role], district,
            "test", TimeProvider.System, CancellationToken.None);
        return created.Key;
    }

    private static async Task<T> QueryAsync<T>(TestHost host, Func<FinancialAidDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FinancialAidDbContext>());
    }
}
