using Orchestration.FollowUps.Domain;

namespace Orchestration.FollowUps.Tests.Domain;

public sealed class FollowUpDeadlineTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly NoticeTiming Timing = new(7, 3, new TimeOnly(7, 0), Stockholm);
    private static readonly SwedishWorkingDays Calendar = new();

    /// <summary>Started on Thursday 2026-11-26: one month later is a Saturday.</summary>
    private static FollowUpDeadline Scheduled() => FollowUpDeadline.Schedule(Guid.NewGuid(), Guid.NewGuid(), "spanga-tensta", "anna", 1,
        new DateOnly(2026, 11, 26), IsoPeriod.Parse("P1M"), IsoPeriod.Parse("P3M"), Calendar, Timing, At(2026, 11, 26, 9));

    private static DateTimeOffset At(int year, int month, int day, int hour) =>
        new DateTimeOffset(new DateTime(year, month, day, hour, 0, 0), Stockholm.GetUtcOffset(new DateTime(year, month, day, hour, 0, 0))).ToUniversalTime();

    [Fact]
    public void When_the_first_follow_up_falls_on_a_holiday_weekend_Then_it_is_due_on_the_next_working_day()
    {
        var deadline = Scheduled();

        deadline.PlannedOn.Should().Be(new DateOnly(2026, 12, 26));
        deadline.DueOn.Should().Be(new DateOnly(2026, 12, 28), "annandag jul falls on the Saturday, so Monday the 28th is the next working day");
        deadline.Kind.Should().Be(DeadlineKind.FirstFollowUp);
        deadline.NextActionAt.Should().Be(At(2026, 12, 21, 7), "the reminder goes seven days ahead at 07:00 Stockholm time");
    }

    [Fact]
    public void When_the_reminder_time_comes_Then_it_reminds_once_and_escalates_after_the_grace()
    {
        var deadline = Scheduled();

        deadline.Fire(At(2026, 12, 21, 6), Timing).Should().BeNull("an hour early nothing is due");
        deadline.Fire(At(2026, 12, 21, 7), Timing)!.Kind.Should().Be(NoticeKind.Reminder);
        deadline.Fire(At(2026, 12, 21, 8), Timing).Should().BeNull("the reminder went once; the escalation waits for the grace");
        deadline.NextActionAt.Should().Be(At(2027, 1, 1, 7), "due the 28th, three days of grace, then the next morning");
        deadline.Fire(At(2027, 1, 1, 7), Timing)!.Kind.Should().Be(NoticeKind.Escalation);
        deadline.Fire(At(2027, 3, 1, 7), Timing).Should().BeNull();
        deadline.State.Should().Be(DeadlineState.Escalated);
        deadline.Notices.Select(n => n.Kind).Should().Equal(NoticeKind.Reminder, NoticeKind.Escalation);
    }

    [Fact]
    public void When_the_follow_up_is_recorded_Then_the_deadline_completes_and_the_next_is_an_interval_later()
    {
        var deadline = Scheduled();
        var followUpId = Guid.NewGuid();

        deadline.Complete(followUpId, At(2026, 12, 22, 10)).Should().BeNull();
        var next = deadline.Next(new DateOnly(2026, 12, 22), Calendar, Timing, At(2026, 12, 22, 10));

        deadline.State.Should().Be(DeadlineState.Completed);
        deadline.FollowUpId.Should().Be(followUpId);
        deadline.NextActionAt.Should().BeNull();
        deadline.Fire(At(2027, 6, 1, 7), Timing).Should().BeNull("a completed deadline never reminds");
        next.Sequence.Should().Be(2);
        next.Kind.Should().Be(DeadlineKind.FollowUp);
        next.DueOn.Should().Be(new DateOnly(2027, 3, 22), "three months after the day it was recorded, a Monday");
        next.Interval.Should().Be("P3M");
        deadline.Complete(Guid.NewGuid(), At(2026, 12, 23, 10))!.Reason.Should().Contain("already Completed");
    }

    [Fact]
    public void When_the_case_closes_Then_the_deadline_stops_and_nothing_more_fires()
    {
        var deadline = Scheduled();

        deadline.Stop(At(2026, 12, 1, 10)).Should().BeNull();

        deadline.State.Should().Be(DeadlineState.Stopped);
        deadline.Fire(At(2027, 1, 10, 7), Timing).Should().BeNull();
        deadline.Stop(At(2026, 12, 2, 10)).Should().NotBeNull();
    }

    [Fact]
    public void When_a_date_is_moved_without_a_reason_Then_it_is_refused_and_nothing_changes()
    {
        var deadline = Scheduled();
        var version = deadline.Version;

        var refusal = deadline.Move(new DateOnly(2027, 1, 11), "  ", "anna", At(2026, 12, 1, 10), Calendar, Timing);

        refusal.Should().Be(new Refusal("A moved follow-up date needs the reason for moving it.", "reason"));
        deadline.DueOn.Should().Be(new DateOnly(2026, 12, 28));
        deadline.Moves.Should().BeEmpty();
        deadline.Version.Should().Be(version);
    }

    [Fact]
    public void When_a_reminded_date_is_moved_with_a_reason_Then_the_move_is_kept_and_the_reminder_starts_over()
    {
        var deadline = Scheduled();
        deadline.Fire(At(2026, 12, 21, 7), Timing);

        var refusal = deadline.Move(new DateOnly(2027, 1, 9), "The work consultant is on leave until January.", "anna", At(2026, 12, 21, 10), Calendar, Timing);

        refusal.Should().BeNull();
        deadline.DueOn.Should().Be(new DateOnly(2027, 1, 11), "Saturday the 9th moves on to Monday");
        deadline.State.Should().Be(DeadlineState.Pending);
        deadline.NextActionAt.Should().Be(At(2027, 1, 4, 7));
        deadline.Moves.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            FromDueOn = new DateOnly(2026, 12, 28),
            RequestedOn = new DateOnly(2027, 1, 9),
            ToDueOn = new DateOnly(2027, 1, 11),
            Reason = "The work consultant is on leave until January.",
            MovedBy = "anna",
        });
    }

    [Fact]
    public void When_a_date_is_moved_into_the_past_or_on_a_closed_deadline_Then_it_is_refused()
    {
        var deadline = Scheduled();

        deadline.Move(new DateOnly(2026, 11, 30), "reason", "anna", At(2026, 12, 1, 10), Calendar, Timing)!.Field.Should().Be("dueOn");
        deadline.Stop(At(2026, 12, 1, 11));
        var closed = deadline.Move(new DateOnly(2027, 1, 11), "reason", "anna", At(2026, 12, 1, 12), Calendar, Timing)!;

        closed.Field.Should().BeNull("a closed deadline is a conflict, not bad input");
        closed.Reason.Should().Contain("Stopped");
    }

    [Theory]
    [InlineData(2026, 12, 1, "Upcoming")]
    [InlineData(2026, 12, 21, "Due")]
    [InlineData(2026, 12, 28, "Due")]
    [InlineData(2026, 12, 29, "Overdue")]
    public void Urgency_follows_the_reminder_window_and_the_due_date(int year, int month, int day, string expected)
    {
        Scheduled().Urgency(At(year, month, day, 12), Timing).Should().Be(expected);
    }
}
