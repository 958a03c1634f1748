using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Testing.Infrastructure;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Persistence.Runtime;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Persistence.Tests.Runtime;

/// <summary>Timers are rows with a due time: Hangfire is asked to wake them, the sweep catches up, nothing fires twice.</summary>
[Trait("Category", "Integration")]
public sealed class WorkflowTimerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_delay_is_scheduled_with_Hangfire_and_resumes_once_when_the_clock_reaches_it(bool hangfireOnPostgres)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, clock, withHangfire: true, hangfireOnPostgres: hangfireOnPostgres);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(FollowUpAfterAMonth(), publish: true, CancellationToken.None));

        var started = await node.RunAsync((runtime, _) => runtime.StartAsync("follow-up", VersionOptions.Published, new StartWorkflowOptions(), CancellationToken.None));
        var bookmark = started.State.Bookmarks.Single();

        bookmark.ResumeAt.Should().Be(clock.GetUtcNow().AddDays(30));
        var scheduled = node.Get<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10);
        scheduled.Should().ContainSingle().Which.Value.Job.Args.Should().Contain(bookmark.Id);

        (await node.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None))).Should().Be(0, "nothing is due yet");
        await node.RunJobAsync(bookmark.Id);
        (await node.QueryAsync(db => Task.FromResult(db.WorkflowInstances.Single().SubStatus))).Should().Be("Suspended", "the job checks the due time on the injected clock");

        clock.Advance(TimeSpan.FromDays(30));
        await node.RunJobAsync(bookmark.Id);
        (await node.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None))).Should().Be(0, "the job already resumed it");
        await node.RunJobAsync(bookmark.Id);

        var instance = await node.QueryAsync(db => Task.FromResult(db.WorkflowInstances.Single()));
        instance.SubStatus.Should().Be(nameof(WorkflowSubStatus.Finished));
        (await node.QueryAsync(db => Task.FromResult(db.Journal.Count(j => j.ActivityId == "Remind1" && j.EventName == "Completed")))).Should().Be(1);
    }

    [Fact]
    public async Task The_sweep_resumes_due_timers_left_by_a_host_that_stopped()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using (var stopped = await EngineNode.StartAsync(database.ConnectionString, clock))
        {
            await stopped.RunAsync((_, definitions) => definitions.SaveAsync(FollowUpAfterAMonth(), publish: true, CancellationToken.None));
            await stopped.RunAsync((runtime, _) => runtime.StartAsync("follow-up", VersionOptions.Published, new StartWorkflowOptions(), CancellationToken.None));
        }

        clock.Advance(TimeSpan.FromDays(31));
        await using var restarted = await EngineNode.StartAsync(database.ConnectionString, clock);

        (await restarted.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None))).Should().Be(1);
        (await restarted.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None))).Should().Be(0);
    }

    [Fact]
    public async Task A_StartAt_of_a_local_time_with_an_offset_is_kept_on_PostgreSQL_and_resumes_at_that_instant()
    {
        // The Resurs overlap waits until "<date>T00:00:00+01:00"; Npgsql takes only UTC for a timestamptz, so before the
        // bookmark was stored in UTC the burst failed and the event went to the error queue (found by the fault suite).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await EngineNode.StartAsync(database.ConnectionString, clock);
        await node.RunAsync((_, definitions) => definitions.SaveAsync(TransferOnLocalMidnight(), publish: true, CancellationToken.None));

        await node.RunAsync((runtime, _) => runtime.StartAsync("transfer-on", VersionOptions.Published, new StartWorkflowOptions(), CancellationToken.None));

        var stored = await node.QueryAsync(db => Task.FromResult(db.Bookmarks.Single().ResumeAt));
        stored.Should().Be(new DateTimeOffset(2026, 12, 19, 23, 0, 0, TimeSpan.Zero), "midnight in Stockholm is 23:00 UTC the day before");
        clock.Advance(TimeSpan.FromDays(14).Add(TimeSpan.FromHours(14)).Subtract(TimeSpan.FromMinutes(1)));
        (await node.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None))).Should().Be(0, "a minute before the transfer date");
        clock.Advance(TimeSpan.FromMinutes(1));
        (await node.RunAsync((runtime, _) => runtime.ResumeDueTimersAsync(CancellationToken.None))).Should().Be(1);
        (await node.QueryAsync(db => Task.FromResult(db.WorkflowInstances.Single().SubStatus))).Should().Be(nameof(WorkflowSubStatus.Finished));
    }

    private static JsonObject TransferOnLocalMidnight() => JsonNode.Parse("""
        {
          "definitionId": "transfer-on", "name": "Wait for the transfer date",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Wait1", "type": "Elsa.StartAt", "dateTime": { "typeName": "DateTimeOffset", "expression": { "type": "Literal", "value": "2026-12-20T00:00:00+01:00" } } },
              { "id": "Done1", "type": "Elsa.SetName", "value": { "typeName": "String", "expression": { "type": "Literal", "value": "transferred" } } }
            ],
            "connections": [ { "source": { "activity": "Wait1", "port": "Done" }, "target": { "activity": "Done1", "port": "In" } } ] } }
        """)!.AsObject();

    private static JsonObject FollowUpAfterAMonth() => JsonNode.Parse("""
        {
          "definitionId": "follow-up", "name": "Follow-up after a month",
          "root": { "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "Wait1", "type": "Elsa.Delay", "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "30.00:00:00" } } },
              { "id": "Remind1", "type": "Elsa.SetName", "value": { "typeName": "String", "expression": { "type": "Literal", "value": "follow-up due" } } }
            ],
            "connections": [ { "source": { "activity": "Wait1", "port": "Done" }, "target": { "activity": "Remind1", "port": "In" } } ] } }
        """)!.AsObject();
}
