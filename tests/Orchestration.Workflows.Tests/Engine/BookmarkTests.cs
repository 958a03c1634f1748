using System.Text.Json.Nodes;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.State;

namespace Orchestration.Workflows.Tests.Engine;

/// <summary>Suspending on bookmarks and resuming by stimulus (ELSA-SEMANTICS.md §7).</summary>
public sealed class BookmarkTests
{
    private readonly WorkflowHarness _harness = new();

    [Fact]
    public async Task An_event_suspends_with_Elsas_bookmark_hash_and_resumes_with_its_payload()
    {
        var definition = WorkflowHarness.Load("event-suspend-resume");
        var started = await _harness.StartAsync(definition);

        started.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        var bookmark = started.State.Bookmarks.Should().ContainSingle().Subject;
        bookmark.Name.Should().Be("Elsa.Event");
        // SHA-256 of 'Elsa.Event|{"EventName":"ConsentRecorded"}', the hash Elsa gives this bookmark (ELSA-SEMANTICS.md §7).
        bookmark.Hash.Should().Be("3D5EA98270BA7C691EFFC80388D5664227D0BFD1FF954123C012EC7259352968");
        started.Journal.Where(j => j.ActivityId == "Event1").Select(j => j.EventName).Should().Equal("Started", "Suspended");
        _harness.Lines.Should().Equal("before");

        var resumed = await _harness.ResumeAsync(definition, started.State, "Elsa.Event",
            new JsonObject { ["__EventPayloadWorkflowInput"] = new JsonObject { ["scope"] = "Jobbtorg" } });

        _harness.Lines.Should().Equal("before", "after Jobbtorg");
        resumed.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        resumed.State.Bookmarks.Should().BeEmpty("the bookmark burns when resumed");
        resumed.Journal.Where(j => j.ActivityId == "Event1").Select(j => j.EventName).Should().Equal("Resumed", "Completed");
    }

    [Fact]
    public async Task A_burnt_bookmark_cannot_be_resumed_twice()
    {
        var definition = WorkflowHarness.Load("event-suspend-resume");
        var started = await _harness.StartAsync(definition);
        var bookmarkId = started.State.Bookmarks.Single().Id;
        var payload = new JsonObject { ["__EventPayloadWorkflowInput"] = new JsonObject { ["scope"] = "FINSAM" } };
        await _harness.Runner.ResumeAsync(definition, started.State, bookmarkId, payload);

        var again = () => _harness.Runner.ResumeAsync(definition, started.State, bookmarkId, payload);

        await again.Should().ThrowAsync<WorkflowRunException>();
        _harness.Lines.Count(l => l.StartsWith("after", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task A_delay_waits_for_its_due_time_on_the_fake_clock()
    {
        var definition = WorkflowHarness.Load("delay-then-continue");
        var started = await _harness.StartAsync(definition);

        var bookmark = started.State.Bookmarks.Should().ContainSingle().Subject;
        bookmark.ResumeAt.Should().Be(_harness.Time.GetUtcNow().AddDays(30));
        bookmark.Payload!.Select(p => $"{p.Key}={p.Value}").Should().Equal("resumeAt=2026-12-24T08:00:00.0000000+00:00");
        // A delay's hash includes its activity instance id (ELSA-SEMANTICS.md §7), so only the rest of it is fixed here;
        // System.Text.Json writes '+' as \u002B, as Elsa's hasher does.
        bookmark.Hash.Should().Be(Sha256Hex($"Elsa.Delay|{{\"ResumeAt\":\"2026-12-24T08:00:00.0000000\\u002B00:00\"}}|{bookmark.ActivityInstanceId}"));
        _harness.Lines.Should().BeEmpty();

        _harness.Time.Advance(TimeSpan.FromDays(30));
        var due = started.State.Bookmarks.Where(b => b.ResumeAt <= _harness.Time.GetUtcNow()).ToList();
        due.Should().ContainSingle();
        var resumed = await _harness.Runner.ResumeAsync(definition, started.State, due[0].Id);

        _harness.Lines.Should().Equal("follow-up due");
        resumed.State.FinishedAt.Should().Be(_harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task Cancelling_clears_bookmarks_and_marks_the_instance_cancelled()
    {
        var definition = WorkflowHarness.Load("event-suspend-resume");
        var started = await _harness.StartAsync(definition);

        var cancelled = await _harness.Runner.CancelAsync(definition, started.State);

        cancelled.State.Status.Should().Be(WorkflowStatus.Finished);
        cancelled.State.SubStatus.Should().Be(WorkflowSubStatus.Cancelled);
        cancelled.State.Bookmarks.Should().BeEmpty();
        var resume = () => _harness.Runner.ResumeAsync(definition, started.State, "any");
        await resume.Should().ThrowAsync<WorkflowRunException>().WithMessage("*Cancelled*");
    }

    [Fact]
    public async Task Parallel_bodies_all_wait_at_once_and_the_loop_completes_after_the_last()
    {
        var definition = WorkflowHarness.Load("parallel-foreach");
        var result = await _harness.StartAsync(definition);

        result.State.Bookmarks.Should().HaveCount(3, "every body started before any finished");
        _harness.Time.Advance(TimeSpan.FromDays(1));
        foreach (var id in result.State.Bookmarks.Select(b => b.Id).ToList())
        {
            result = await _harness.Runner.ResumeAsync(definition, result.State, id);
        }

        _harness.Lines.Should().Equal("0:Farsta", "1:Skarpnäck", "2:Bromma", "all districts done");
        result.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task A_timer_in_the_middle_of_a_flow_waits_one_interval()
    {
        var json = WorkflowHarness.LoadJson("delay-then-continue");
        var delay = json["root"]!["activities"]![1]!.AsObject();
        delay["type"] = "Elsa.Timer";
        delay.Remove("timeSpan");
        delay["interval"] = new JsonObject { ["typeName"] = "TimeSpan", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "01:00:00" } };
        var definition = Orchestration.Workflows.Serialization.WorkflowDefinitionReader.Load(json);

        var started = await _harness.StartAsync(definition);

        var bookmark = started.State.Bookmarks.Should().ContainSingle().Subject;
        bookmark.Name.Should().Be("Elsa.Timer");
        bookmark.ResumeAt.Should().Be(_harness.Time.GetUtcNow().AddHours(1));
        _harness.Time.Advance(TimeSpan.FromHours(1));
        var resumed = await _harness.Runner.ResumeAsync(definition, started.State, bookmark.Id);
        _harness.Lines.Should().Equal("follow-up due");
        resumed.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    private static string Sha256Hex(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
