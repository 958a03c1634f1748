using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Contracts.FinancialAid.Events;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.Contracts.Interventions.Events;
using Orchestration.Contracts.Referrals;
using Orchestration.FollowUps.Claiming;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Endpoints.Inbox;
using Orchestration.FollowUps.Tests.Support;
using Orchestration.Testing.Hosting;

namespace Orchestration.FollowUps.Tests.Consumers;

/// <summary>
/// The referral's responsible social secretary and current stage, as the follow-ups module learns them from the
/// process's events: deadlines, reminders and the inbox follow a reassignment; the stage never moves back; a closed
/// case stops its follow-ups. Reminders go by SMTP to a real server on loopback.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CaseProgressConsumersTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Deadlines_reminders_and_the_inbox_follow_the_responsible_social_secretary_and_show_the_stage_until_the_case_closes()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time, "FollowUps:ClaimCron=0 0 1 1 *", "FollowUps:Mail:SmtpHost=127.0.0.1",
            $"FollowUps:Mail:SmtpPort={smtp.Port}", "FollowUps:Mail:SmtpSecurity=None", "FollowUps:Mail:From=uppfoljning@stad.example",
            "FollowUps:Mail:Addresses:anna=anna.a@stad.example", "FollowUps:Mail:Addresses:bo=bo.b@stad.example");
        using var anna = await host.ClientForAsync("anna", "SocialSecretary", "spanga-tensta");
        using var bo = await host.ClientForAsync("bo", "SocialSecretary", "spanga-tensta");
        using var coordinator = await host.ClientForAsync("cecilia", "Coordinator", "spanga-tensta");
        var referralId = Guid.NewGuid();
        var t0 = time.GetUtcNow();

        // Registration: financial aid names the registering social secretary; the process schedules without a name.
        await host.PublishAsync(new ApplicationRegistered(referralId, Guid.NewGuid(), "spanga-tensta", t0));
        await host.PublishAsync(new ResponsibleSocialSecretaryAssigned(referralId, "spanga-tensta", "anna", t0));
        await Poll.UntilAsync(() => host.QueryAsync(async db => (await db.CaseProgress.AsNoTracking().SingleOrDefaultAsync(p => p.ReferralId == referralId))
            is { ResponsibleSocialSecretary: "anna", Stage: CaseStage.Applied } ? "known" : null), Wait, "anna responsible for the applied case");
        var interventionReferralId = Guid.NewGuid();
        await host.PublishAsync(new InterventionStarted(referralId, interventionReferralId, Guid.NewGuid(), "spanga-tensta", t0.AddMinutes(1)));
        await host.SendAsync(new ScheduleFollowUps(referralId, interventionReferralId, "spanga-tensta", t0.AddMinutes(1), "P1M", "P3M"));
        var annas = await Poll.UntilAsync(async () => (await InboxAsync(anna, "mine")).Upcoming
            .SingleOrDefault(d => d.ReferralId == referralId && d.CaseStage == CaseStage.InterventionStarted), Wait, "anna's deadline at stage InterventionStarted");
        annas.ResponsibleSocialSecretary.Should().Be("anna");
        annas.CaseStageSince.Should().BeCloseTo(t0.AddMinutes(1), TimeSpan.FromMilliseconds(1));

        // An event older than the stage arrives late: the stage stays.
        await host.PublishAsync(new RouteDecided(referralId, Guid.NewGuid(), "spanga-tensta", [Route.DistrictIntervention], true, t0.AddSeconds(30)));
        // A coordinator makes Bo responsible; then an older assignment to Anna arrives late and changes nothing.
        await host.PublishAsync(new ResponsibleSocialSecretaryAssigned(referralId, "spanga-tensta", "bo", t0.AddMinutes(2)));
        var bos = await Poll.UntilAsync(async () => (await InboxAsync(bo, "mine")).Upcoming.SingleOrDefault(d => d.ReferralId == referralId), Wait, "the deadline in bo's inbox");
        await host.PublishAsync(new ResponsibleSocialSecretaryAssigned(referralId, "spanga-tensta", "anna", t0.AddSeconds(90)));
        await Poll.UntilAsync(() => host.QueryAsync(async db => await db.Set<Orchestration.ServiceDefaults.Messaging.Outbox.InboxMessage>().CountAsync() == 7 ? "all" : null),
            Wait, "the seven messages handled (the inbox holds a row for each)");
        bos.DeadlineId.Should().Be(annas.DeadlineId);
        bos.ResponsibleSocialSecretary.Should().Be("bo");
        bos.CaseStage.Should().Be(CaseStage.InterventionStarted);
        (await InboxAsync(anna, "mine")).Upcoming.Should().NotContain(d => d.ReferralId == referralId);
        (await InboxAsync(coordinator, "districts/spanga-tensta")).Upcoming.Should().ContainSingle(d => d.ReferralId == referralId)
            .Which.ResponsibleSocialSecretary.Should().Be("bo");

        // The reminder goes to Bo.
        var deadline = await host.QueryAsync(db => db.Deadlines.AsNoTracking().SingleAsync(d => d.Id == bos.DeadlineId));
        time.SetUtcNow(deadline.NextActionAt!.Value);
        await host.Services.GetRequiredService<DeadlineClaimer>().ClaimDueAsync(CancellationToken.None);
        var reminder = (await smtp.WaitForAsync(1, Wait)).Single();
        reminder.To.Mailboxes.Select(m => m.Address).Should().Equal("bo.b@stad.example");

        // The case closes (the person got work): the deadline stops, nothing more reaches anyone's inbox.
        await host.PublishAsync(new CaseClosed(referralId, "spanga-tensta", ClosureOutcome.Work, time.GetUtcNow()));
        await Poll.UntilAsync(() => host.QueryAsync(async db => (await db.Deadlines.AsNoTracking().SingleAsync(d => d.Id == bos.DeadlineId)).State == DeadlineState.Stopped
            ? "stopped" : null), Wait, "the deadline stopped");
        var inbox = await InboxAsync(bo, "mine");
        inbox.Due.Concat(inbox.Upcoming).Concat(inbox.Overdue).Should().NotContain(d => d.ReferralId == referralId);
        var closed = await bo.GetFromJsonAsync<DeadlineView>($"/api/follow-ups/deadlines/{bos.DeadlineId}", FollowUpsHost.Json);
        closed!.CaseStage.Should().Be(CaseStage.Closed);
        closed.Urgency.Should().Be("Closed");
    }

    [Fact]
    public async Task A_schedule_that_names_its_social_secretary_keeps_that_name_and_one_without_a_known_responsible_has_none()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time, "FollowUps:ClaimCron=0 0 1 1 *");
        var named = new ScheduleFollowUps(Guid.NewGuid(), Guid.NewGuid(), "farsta", time.GetUtcNow(), "", "", "erik");
        await host.PublishAsync(new ResponsibleSocialSecretaryAssigned(named.ReferralId, "farsta", "frida", time.GetUtcNow()));
        await Poll.UntilAsync(() => host.QueryAsync(async db => await db.CaseProgress.AnyAsync(p => p.ReferralId == named.ReferralId) ? "known" : null), Wait, "frida");
        var unknown = named with { ReferralId = Guid.NewGuid(), InterventionReferralId = Guid.NewGuid(), ResponsibleSocialSecretary = null };

        await host.SendAsync(named);
        await host.SendAsync(unknown);

        await Poll.UntilAsync(() => host.QueryAsync(async db => await db.Deadlines.CountAsync() == 2 ? "both" : null), Wait, "two deadlines");
        var deadlines = await host.QueryAsync(db => db.Deadlines.AsNoTracking().ToListAsync());
        deadlines.Single(d => d.ReferralId == named.ReferralId).ResponsibleSocialSecretary.Should().Be("erik");
        deadlines.Single(d => d.ReferralId == unknown.ReferralId).ResponsibleSocialSecretary.Should().BeEmpty();
    }

    [Fact]
    public async Task A_schedule_consumed_after_the_interventions_stop_or_the_cases_closure_schedules_nothing_and_one_before_them_is_stopped()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time, "FollowUps:ClaimCron=0 0 1 1 *");
        var t0 = time.GetUtcNow();
        ScheduleFollowUps Schedule(Guid referralId) => new(referralId, Guid.NewGuid(), "farsta", t0, "P1M", "P3M", "erik");
        var stoppedFirst = Schedule(Guid.NewGuid());
        var closedFirst = Schedule(Guid.NewGuid());
        var inOrder = Schedule(Guid.NewGuid());

        // The process sent schedule then stop (or the case closed), but the stop's queue was consumed first.
        await host.SendAsync(new StopFollowUps(stoppedFirst.ReferralId, stoppedFirst.InterventionReferralId, t0));
        await host.PublishAsync(new CaseClosed(closedFirst.ReferralId, "farsta", ClosureOutcome.MovedOrChangedDistrict, t0));
        await Poll.UntilAsync(() => host.QueryAsync(async db => await db.Set<Orchestration.ServiceDefaults.Messaging.Outbox.InboxMessage>().CountAsync() == 2 ? "both" : null),
            Wait, "the stop and the closure handled");
        await host.SendAsync(stoppedFirst);
        await host.SendAsync(closedFirst);
        await host.SendAsync(inOrder);
        await Poll.UntilAsync(() => host.QueryAsync(async db => await db.Set<Orchestration.ServiceDefaults.Messaging.Outbox.InboxMessage>().CountAsync() == 5 ? "all" : null),
            Wait, "the three schedules handled");
        await host.SendAsync(new StopFollowUps(inOrder.ReferralId, inOrder.InterventionReferralId, t0.AddDays(1)));
        await Poll.UntilAsync(() => host.QueryAsync(async db => await db.Deadlines.AnyAsync(d => d.State == DeadlineState.Stopped) ? "stopped" : null),
            Wait, "the in-order deadline stopped");

        var deadlines = await host.QueryAsync(db => db.Deadlines.AsNoTracking().ToListAsync());
        deadlines.Should().ContainSingle("only the schedule consumed before its stop made a deadline")
            .Which.Should().Match<FollowUpDeadline>(d => d.InterventionReferralId == inOrder.InterventionReferralId && d.State == DeadlineState.Stopped);
        var series = await host.QueryAsync(db => db.FollowUpSeries.AsNoTracking().ToListAsync());
        series.Select(s => (s.InterventionReferralId, s.Stopped)).Should().BeEquivalentTo(
            [(stoppedFirst.InterventionReferralId, true), (closedFirst.InterventionReferralId, false), (inOrder.InterventionReferralId, true)]);
        (await host.QueryAsync(db => db.CaseProgress.AsNoTracking().SingleAsync(p => p.ReferralId == closedFirst.ReferralId))).Stage.Should().Be(CaseStage.Closed);
    }

    [Fact]
    public async Task The_first_events_of_many_referrals_arriving_together_each_make_one_progress_row_with_stage_and_responsible()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time, "FollowUps:ClaimCron=0 0 1 1 *");
        var t0 = time.GetUtcNow();
        var referrals = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();

        // Financial aid announces both in one transaction; two consumers take them at once.
        await Task.WhenAll(referrals.SelectMany(id => new[]
        {
            host.PublishAsync(new ApplicationRegistered(id, Guid.NewGuid(), "farsta", t0)),
            host.PublishAsync(new ResponsibleSocialSecretaryAssigned(id, "farsta", "frida", t0)),
        }));

        var progress = await Poll.UntilAsync(() => host.QueryAsync(async db =>
        {
            var rows = await db.CaseProgress.AsNoTracking().ToListAsync();
            return rows.Count(p => p.Stage == CaseStage.Applied && p.ResponsibleSocialSecretary == "frida") == referrals.Count ? rows : null;
        }), Wait, "every referral applied with frida responsible");
        progress.Select(p => p.ReferralId).Should().BeEquivalentTo(referrals);
        progress.Should().OnlyContain(p => p.District == "farsta");
    }

    private static async Task<InboxResponse> InboxAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync("/api/follow-ups/" + path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InboxResponse>(FollowUpsHost.Json))!;
    }
}
