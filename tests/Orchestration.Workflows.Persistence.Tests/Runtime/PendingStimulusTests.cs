using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Entities;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.State;
using Xunit.Abstractions;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>
/// The stimulus store: an event that overtakes the one bringing its instance to the bookmark is kept and delivered
/// in the transaction that creates the bookmark, once, on PostgreSQL and on the embedded SQLite file.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PendingStimulusTests(ITestOutputHelper output)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task An_event_sent_before_the_instance_waits_resumes_it_exactly_once(DatabaseProvider provider)
    {
        await using var database = await EngineDatabase.CreateAsync(provider);
        await using var node = await database.StartNodeAsync(_clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: true, CancellationToken.None));
        var messageId = Guid.NewGuid();

        var early = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-1", new JsonObject { ["n"] = 5 }, messageId, null, CancellationToken.None));
        var redelivered = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-1", new JsonObject { ["n"] = 5 }, messageId, null, CancellationToken.None));

        early.Should().BeEmpty("no instance waits yet");
        redelivered.Should().BeEmpty();
        (await node.QueryAsync(db => db.PendingStimuli.Select(s => s.CorrelationId).ToListAsync())).Should().Equal(["case-1"], "kept once, however often it is delivered");

        var clock = Stopwatch.StartNew();
        var started = await node.RunAsync((runtime, _) => runtime.StartAsync("counted", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "case-1" }, CancellationToken.None));
        output.WriteLine($"{provider}: start + delivery of the kept event in one burst: {clock.Elapsed.TotalMilliseconds:F1} ms");

        started.State.SubStatus.Should().Be(WorkflowSubStatus.Finished, "the kept event resumed the bookmark the first burst created");
        started.State.Output["Count"]!.GetValue<long>().Should().Be(15, "the kept payload (n = 5) reached the instance");
        var instanceId = started.State.Id;
        (await node.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == instanceId))).SubStatus.Should().Be("Finished", "saved in the same transaction");
        (await node.QueryAsync(db => db.PendingStimuli.CountAsync())).Should().Be(0, "consumed in that transaction");

        var late = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-1", new JsonObject { ["n"] = 5 }, messageId, null, CancellationToken.None));

        late.Should().BeEmpty();
        (await node.QueryAsync(db => db.Journal.CountAsync(j => j.WorkflowInstanceId == instanceId && j.ActivityId == "Wait1" && j.EventName == "Resumed"))).Should().Be(1);
        (await node.QueryAsync(db => db.Journal.CountAsync(j => j.WorkflowInstanceId == instanceId && j.ActivityId == "Count1" && j.EventName == "Completed"))).Should().Be(1);
        (await node.QueryAsync(db => db.PendingStimuli.CountAsync())).Should().Be(0, "a redelivery after the delivery is not kept again");
        (await node.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId && m.Consumer == $"workflow-event:{instanceId}"))).Should().Be(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_stimulus_kept_while_its_bookmark_was_being_committed_is_delivered_once_by_the_processor(DatabaseProvider provider)
    {
        await using var database = await EngineDatabase.CreateAsync(provider);
        await using var node = await database.StartNodeAsync(_clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: true, CancellationToken.None));
        var started = await node.RunAsync((runtime, _) => runtime.StartAsync("counted", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "case-2" }, CancellationToken.None));
        started.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        // The race: the event found no bookmark, the bookmark's burst found no stimulus, both committed.
        await node.QueryAsync(async db =>
        {
            db.PendingStimuli.Add(Kept("case-2", n: 7));
            return await db.SaveChangesAsync();
        });

        var clock = Stopwatch.StartNew();
        var delivered = await node.Get<PendingStimulusProcessor>().RunOnceAsync(CancellationToken.None);
        output.WriteLine($"{provider}: processor pass delivering a stimulus kept beside its bookmark: {clock.Elapsed.TotalMilliseconds:F1} ms");
        var again = await node.Get<PendingStimulusProcessor>().RunOnceAsync(CancellationToken.None);

        delivered.Should().Be(1);
        again.Should().Be(0);
        var instanceId = started.State.Id;
        var instance = await node.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == instanceId));
        instance.SubStatus.Should().Be("Finished");
        WorkflowStateSerializer.Deserialize(instance.State).Output["Count"]!.GetValue<long>().Should().Be(17);
        (await node.QueryAsync(db => db.PendingStimuli.CountAsync())).Should().Be(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_redelivery_of_a_message_an_instance_already_took_is_not_kept_for_its_next_wait_of_that_name(DatabaseProvider provider)
    {
        // Proceed → Next → Proceed again: a route decision that repeats. The first Proceed's burst committed, then
        // its consumer failed before acknowledging (the lock's connection died with a database restart), so the same
        // message comes back while the instance waits for Next.
        await using var database = await EngineDatabase.CreateAsync(provider);
        await using var node = await database.StartNodeAsync(_clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(ProceedTwice(), publish: true, CancellationToken.None));
        var started = await node.RunAsync((runtime, _) => runtime.StartAsync("proceed-twice", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "case-4" }, CancellationToken.None));
        var first = Guid.NewGuid();

        (await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-4", new JsonObject(), first, null, CancellationToken.None)))
            .Should().ContainSingle();
        var redelivered = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-4", new JsonObject(), first, null, CancellationToken.None));
        (await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Next", "case-4", new JsonObject(), Guid.NewGuid(), null, CancellationToken.None)))
            .Should().ContainSingle();

        redelivered.Should().BeEmpty();
        (await node.QueryAsync(db => db.PendingStimuli.CountAsync())).Should().Be(0, "the message was delivered once already");
        var instanceId = started.State.Id;
        var instance = await node.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == instanceId));
        instance.SubStatus.Should().Be("Suspended", "the second Proceed wait needs a new message, not the old one again");
        (await node.QueryAsync(db => db.Journal.CountAsync(j => j.WorkflowInstanceId == instanceId && j.ActivityId == "Again" && j.EventName == "Resumed")))
            .Should().Be(0);

        (await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-4", new JsonObject(), Guid.NewGuid(), null, CancellationToken.None)))
            .Should().ContainSingle().Which.State.SubStatus.Should().Be(WorkflowSubStatus.Finished, "a new decision still goes through");
    }

    [Fact]
    public async Task A_burst_whose_kept_stimulus_another_burst_took_first_saves_its_retry_whole_and_records_its_message()
    {
        // The instance waits for Proceed; Next came early and is kept. A Proceed message resumes it, the burst consumes
        // the kept Next and waits at Again. The race: when the burst saves, the kept Next looks taken (a trigger skips
        // the first delete of a stimulus, as if another burst had deleted it), so the burst runs again from the stored
        // state. The fault suite found the retry saving bookmarks and journal but not the instance's state, after which
        // every burst of the instance repeated journal sequences.
        await using var database = await EngineDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var node = await database.StartNodeAsync(_clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(ProceedTwice(), publish: true, CancellationToken.None));
        var started = await node.RunAsync((runtime, _) => runtime.StartAsync("proceed-twice", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "case-5" }, CancellationToken.None));
        (await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Next", "case-5", new JsonObject(), Guid.NewGuid(), null, CancellationToken.None)))
            .Should().BeEmpty("nothing waits for Next yet: it is kept");
        await node.QueryAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE SEQUENCE workflows.stimulus_deletes;
            CREATE FUNCTION workflows.first_stimulus_delete_finds_nothing() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF nextval('workflows.stimulus_deletes') = 1 THEN RETURN NULL; END IF;
              RETURN OLD;
            END $$;
            CREATE TRIGGER first_stimulus_delete_finds_nothing BEFORE DELETE ON workflows."PendingStimuli"
              FOR EACH ROW EXECUTE FUNCTION workflows.first_stimulus_delete_finds_nothing();
            """));
        var proceed = Guid.NewGuid();

        var resumed = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-5", new JsonObject(), proceed, null, CancellationToken.None));

        (await node.QueryAsync(db => db.Database.SqlQueryRaw<long>("SELECT last_value AS \"Value\" FROM workflows.stimulus_deletes").SingleAsync()))
            .Should().Be(2, "the first save found its stimulus taken and the retry deleted it");
        resumed.Should().ContainSingle();
        var instanceId = started.State.Id;
        var stored = WorkflowStateSerializer.Deserialize((await node.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.Id == instanceId))).State);
        stored.Bookmarks.Select(b => b.ActivityId).Should().Equal(["Again"], "the retry's state is the instance's stored state");
        (await node.QueryAsync(db => db.Bookmarks.Where(b => b.WorkflowInstanceId == instanceId).Select(b => b.Id).ToListAsync()))
            .Should().Equal(stored.Bookmarks.Select(b => b.Id), "bookmark rows and state agree");
        (await node.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == proceed && m.Consumer == $"workflow-event:{instanceId}")))
            .Should().Be(1, "the Proceed message is recorded with the burst that took it");
        (await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-5", new JsonObject(), proceed, null, CancellationToken.None)))
            .Should().BeEmpty("a redelivery of that message resumes nothing again");

        var finished = await node.RunAsync((runtime, _) => runtime.TriggerEventFromMessageAsync("Proceed", "case-5", new JsonObject(), Guid.NewGuid(), null, CancellationToken.None));

        finished.Should().ContainSingle().Which.State.SubStatus.Should().Be(WorkflowSubStatus.Finished, "the next burst saves on top of the retry's journal");
        var journal = await node.QueryAsync(db => db.Journal.Where(j => j.WorkflowInstanceId == instanceId).Select(j => new { j.ActivityId, j.EventName }).ToListAsync());
        journal.Count(j => j.ActivityId == "Between" && j.EventName == "Resumed").Should().Be(1);
        journal.Count(j => j.ActivityId == "Again" && j.EventName == "Resumed").Should().Be(1);
    }

    [Fact]
    public async Task An_expired_stimulus_is_purged_and_never_delivered()
    {
        await using var database = await EngineDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var node = await database.StartNodeAsync(_clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(CountedWorkflow.Definition(), publish: true, CancellationToken.None));
        await node.RunAsync((runtime, _) => runtime.TriggerEventAsync("Proceed", "case-3", null, new JsonObject(), CancellationToken.None));
        var lifetime = node.Get<IOptions<WorkflowRuntimeOptions>>().Value.PendingStimulusLifetime;
        lifetime.Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(1), "process owners' steps are days apart");

        _clock.Advance(lifetime - TimeSpan.FromMinutes(1));
        await node.Get<PendingStimulusProcessor>().RunOnceAsync(CancellationToken.None);
        (await node.QueryAsync(db => db.PendingStimuli.CountAsync())).Should().Be(1, "not expired yet");
        _clock.Advance(TimeSpan.FromMinutes(2));
        await node.Get<PendingStimulusProcessor>().RunOnceAsync(CancellationToken.None);
        (await node.QueryAsync(db => db.PendingStimuli.CountAsync())).Should().Be(0);

        var started = await node.RunAsync((runtime, _) => runtime.StartAsync("counted", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "case-3" }, CancellationToken.None));
        started.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "the expired event is gone");
    }

    private static JsonObject ProceedTwice() => JsonNode.Parse("""
        {
          "definitionId": "proceed-twice", "name": "Proceed twice",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start" },
              { "id": "First", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Proceed" } } },
              { "id": "Between", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Next" } } },
              { "id": "Again", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Proceed" } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "First", "port": "In" } },
              { "source": { "activity": "First", "port": "Done" }, "target": { "activity": "Between", "port": "In" } },
              { "source": { "activity": "Between", "port": "Done" }, "target": { "activity": "Again", "port": "In" } }
            ] } }
        """)!.AsObject();

    private PendingStimulusRecord Kept(string correlationId, int n) => new()
    {
        Id = Guid.NewGuid(),
        Hash = BookmarkHasher.Hash("Elsa.Event", Activities.Scheduling.Event.PayloadFor("Proceed")),
        EventName = "Proceed",
        CorrelationId = correlationId,
        Payload = new JsonObject { ["n"] = n }.ToJsonString(),
        ReceivedAt = _clock.GetUtcNow(),
        ExpiresAt = _clock.GetUtcNow().AddDays(1),
    };
}
