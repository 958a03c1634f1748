using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.FollowUps.Claiming;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Endpoints.Inbox;
using Orchestration.FollowUps.Tests.Support;
using Orchestration.ServiceDefaults.Auditing;
using Orchestration.Testing.Hosting;

namespace Orchestration.FollowUps.Tests.Endpoints;

/// <summary>
/// The inbox per role and district while the fake clock moves months, moving a date with a reason, and who reaches
/// the claimer and the Hangfire dashboard. Embedded profile (SQLite, in-memory bus): these are the API's rules.
/// </summary>
public sealed class InboxApiTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Inbox_follows_the_responsible_social_secretary_and_the_coordinators_district_while_months_pass()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time, "FollowUps:ClaimCron=0 0 1 1 *");
        using var anna = await host.ClientForAsync("anna", "SocialSecretary", "spanga-tensta");
        using var bo = await host.ClientForAsync("bo", "SocialSecretary", "spanga-tensta");
        using var cecilia = await host.ClientForAsync("cecilia", "Coordinator", "spanga-tensta");
        using var david = await host.ClientForAsync("david", "Coordinator", "farsta");
        using var coach = await host.ClientForAsync("coach", "JobbtorgCoach", "spanga-tensta");
        var annas = new ScheduleFollowUps(Guid.NewGuid(), Guid.NewGuid(), "spanga-tensta", time.GetUtcNow(), "P1M", "P3M", "anna");
        var bos = annas with { ReferralId = Guid.NewGuid(), InterventionReferralId = Guid.NewGuid(), ResponsibleSocialSecretary = "bo" };
        var farstas = annas with { ReferralId = Guid.NewGuid(), InterventionReferralId = Guid.NewGuid(), District = "farsta", ResponsibleSocialSecretary = "erik" };
        foreach (var command in new[] { annas, bos, farstas })
        {
            await host.SendAsync(command);
        }

        await Poll.UntilAsync(() => host.QueryAsync<string?>(async db => await db.Deadlines.CountAsync() == 3 ? "scheduled" : null), Wait, "three deadlines");
        var first = (await InboxAsync(anna, "mine")).Upcoming.Should().ContainSingle().Subject;
        first.ReferralId.Should().Be(annas.ReferralId);
        first.Sequence.Should().Be(1);
        (await InboxAsync(bo, "mine")).Upcoming.Should().ContainSingle().Which.ReferralId.Should().Be(bos.ReferralId);
        (await InboxAsync(cecilia, "districts/spanga-tensta")).Upcoming.Select(d => d.ReferralId).Should().BeEquivalentTo([annas.ReferralId, bos.ReferralId]);
        (await InboxAsync(david, "districts/farsta")).Upcoming.Should().ContainSingle().Which.ResponsibleSocialSecretary.Should().Be("erik");
        await ExpectProblemAsync(cecilia.GetAsync("/api/follow-ups/districts/farsta"), HttpStatusCode.Forbidden, "spanga-tensta");
        (await anna.GetAsync("/api/follow-ups/districts/spanga-tensta")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await coach.GetAsync("/api/follow-ups/mine")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.CreateClient().GetAsync("/api/follow-ups/mine")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // A month on, three days before the due date: the reminder went out and the follow-up is due.
        await MoveClockAndClaimAsync(host, first.DueOn.AddDays(-3));
        var due = (await InboxAsync(anna, "mine")).Due.Should().ContainSingle().Subject;
        due.Notices.Should().ContainSingle().Which.Kind.Should().Be(NoticeKind.Reminder);
        due.State.Should().Be(DeadlineState.Reminded);

        // A week past the due date: overdue and escalated, as the coordinator sees it too.
        await MoveClockAndClaimAsync(host, first.DueOn.AddDays(7));
        var overdue = (await InboxAsync(cecilia, "districts/spanga-tensta")).Overdue;
        overdue.Should().HaveCount(2);
        overdue.Single(d => d.ReferralId == annas.ReferralId).Notices.Select(n => n.Kind).Should().Equal(NoticeKind.Reminder, NoticeKind.Escalation);
        (await InboxAsync(anna, "mine")).Overdue.Should().ContainSingle().Which.State.Should().Be(DeadlineState.Escalated);

        // Anna records the follow-up; Bo's intervention closes: Anna gets the next one three months on, Bo has none.
        var recordedAt = time.GetUtcNow();
        await host.PublishAsync(new InterventionFollowUpRecorded(annas.ReferralId, annas.InterventionReferralId, Guid.NewGuid(), false, recordedAt));
        await host.SendAsync(new StopFollowUps(bos.ReferralId, bos.InterventionReferralId, recordedAt));
        var next = await Poll.UntilAsync(async () =>
        {
            var inbox = await InboxAsync(anna, "mine");
            return inbox.Upcoming.SingleOrDefault(d => d.Sequence == 2);
        }, Wait, "the second follow-up");
        next.DueOn.Should().Be(new SwedishWorkingDays().OnOrAfter(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(recordedAt, Stockholm).DateTime).AddMonths(3)));
        next.Kind.Should().Be(DeadlineKind.FollowUp);
        await Poll.UntilAsync(async () => (await InboxAsync(bo, "mine")) is { Due.Count: 0, Overdue.Count: 0, Upcoming.Count: 0 } empty ? empty : null, Wait, "Bo's empty inbox");
        (await InboxAsync(cecilia, "districts/spanga-tensta")).Overdue.Should().BeEmpty();
    }

    [Fact]
    public async Task Moving_a_date_needs_a_reason_keeps_it_and_moves_a_weekend_to_the_next_working_day()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time, "FollowUps:ClaimCron=0 0 1 1 *");
        using var anna = await host.ClientForAsync("anna", "SocialSecretary", "spanga-tensta");
        using var farstaSecretary = await host.ClientForAsync("fia", "SocialSecretary", "farsta");
        using var coordinator = await host.ClientForAsync("cecilia", "Coordinator", "spanga-tensta");
        var command = new ScheduleFollowUps(Guid.NewGuid(), Guid.NewGuid(), "spanga-tensta", time.GetUtcNow(), "P1M", "", "anna");
        await host.SendAsync(command);
        var deadline = await Poll.UntilAsync(async () => (await InboxAsync(anna, "mine")).Upcoming.SingleOrDefault(), Wait, "the deadline");
        var move = $"/api/follow-ups/deadlines/{deadline.DeadlineId}/move";
        var saturday = NextSaturdayAfter(deadline.DueOn);

        await ExpectProblemAsync(anna.PostAsJsonAsync(move, new { dueOn = saturday }), HttpStatusCode.BadRequest, "reason");
        await ExpectProblemAsync(anna.PostAsJsonAsync(move, new { dueOn = saturday, reason = "   " }), HttpStatusCode.BadRequest, "reason");
        await ExpectProblemAsync(anna.PostAsJsonAsync(move, new { dueOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-2), reason = "x" }),
            HttpStatusCode.BadRequest, "past");
        await ExpectProblemAsync(farstaSecretary.PostAsJsonAsync(move, new { dueOn = saturday, reason = "x" }), HttpStatusCode.Forbidden, "farsta");
        (await coordinator.PostAsJsonAsync(move, new { dueOn = saturday, reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var unchanged = await GetAsync(anna, deadline.DeadlineId);
        unchanged.DueOn.Should().Be(deadline.DueOn);
        unchanged.Moves.Should().BeEmpty();

        var moved = await anna.PostAsJsonAsync(move, new { dueOn = saturday, reason = "Arbetskonsulenten är sjukskriven den veckan." });

        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        var read = await GetAsync(coordinator, deadline.DeadlineId);
        read.DueOn.Should().Be(saturday.AddDays(2), "a Saturday moves on to Monday (no Swedish holiday falls on these Mondays in the test's span)");
        read.Moves.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            FromDueOn = deadline.DueOn,
            RequestedOn = saturday,
            ToDueOn = read.DueOn,
            Reason = "Arbetskonsulenten är sjukskriven den veckan.",
            MovedBy = "anna",
        });
        var audit = await host.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.CaseId == deadline.DeadlineId.ToString()).ToListAsync());
        audit.Should().Contain(a => a.Action == AuditAction.Changed && a.Actor == "anna").And.Contain(a => a.Action == AuditAction.Read && a.Actor == "cecilia");
        await ExpectProblemAsync(anna.PostAsJsonAsync("/api/follow-ups/deadlines/" + Guid.NewGuid() + "/move", new { dueOn = saturday, reason = "x" }),
            HttpStatusCode.NotFound, "no follow-up deadline");
    }

    [Fact]
    public async Task Only_admins_run_the_claimer_and_open_the_Hangfire_dashboard_where_the_recurring_claim_is_registered()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time);
        using var admin = await host.ClientForAsync("ops", "Admin", null);
        using var secretary = await host.ClientForAsync("anna", "SocialSecretary", "spanga-tensta");

        var dashboard = await admin.GetAsync("/hangfire");
        dashboard.StatusCode.Should().Be(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync()).Should().Contain("Orchestration jobs");
        (await secretary.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.CreateClient().GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var claimed = await admin.PostAsync("/api/follow-ups/claims", null);
        claimed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("noticesIssued").GetInt32().Should().Be(0);
        (await secretary.PostAsync("/api/follow-ups/claims", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var storage = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = storage.GetRecurringJobs().Should().ContainSingle(j => j.Id == ClaimDueFollowUpsJob.RecurringJobId).Subject;
        recurring.Cron.Should().Be("* * * * *");
        // Hangfire 1.8 keeps the queue on the job it enqueues (the older dto field stays "default").
        recurring.Job.Queue.Should().Be(ClaimDueFollowUpsJob.Queue, "only hosts with the follow-ups module listen there");
    }

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static async Task MoveClockAndClaimAsync(FollowUpsHost host, DateOnly localDate)
    {
        var local = localDate.ToDateTime(new TimeOnly(12, 0));
        host.Time.SetUtcNow(new DateTimeOffset(local, Stockholm.GetUtcOffset(local)).ToUniversalTime());
        await host.Services.GetRequiredService<DeadlineClaimer>().ClaimDueAsync(CancellationToken.None);
    }

    private static DateOnly NextSaturdayAfter(DateOnly date)
    {
        var saturday = date.AddDays(1);
        while (saturday.DayOfWeek != DayOfWeek.Saturday || !new SwedishWorkingDays().IsWorkingDay(saturday.AddDays(2)))
        {
            saturday = saturday.AddDays(1);
        }

        return saturday;
    }

    private static async Task<InboxResponse> InboxAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync("/api/follow-ups/" + path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InboxResponse>(FollowUpsHost.Json))!;
    }

    private static async Task<DeadlineView> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<DeadlineView>($"/api/follow-ups/deadlines/{id}", FollowUpsHost.Json))!;

    private static async Task ExpectProblemAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string mentioned)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        body.Should().ContainEquivalentOf(mentioned);
    }
}
