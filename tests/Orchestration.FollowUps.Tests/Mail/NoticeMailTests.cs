using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Contracts.FollowUps.Commands;
using Orchestration.Contracts.FollowUps.Events;
using Orchestration.FollowUps.Claiming;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Tests.Support;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;
using Orchestration.Testing.Messaging;

namespace Orchestration.FollowUps.Tests.Mail;

/// <summary>Reminder and escalation e-mails through the outbox, the bus and MailKit to a real SMTP server on loopback.</summary>
[Trait("Category", "Integration")]
public sealed class NoticeMailTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>The tests drive the claimer themselves; the recurring job would only run on 1 January.</summary>
    private const string QuietCron = "FollowUps:ClaimCron=0 0 1 1 *";

    private static string[] MailSettings(LoopbackSmtpServer smtp) =>
    [
        QuietCron,
        "FollowUps:Mail:SmtpHost=127.0.0.1",
        $"FollowUps:Mail:SmtpPort={smtp.Port}",
        "FollowUps:Mail:SmtpSecurity=None",
        "FollowUps:Mail:From=uppfoljning@stad.example",
        "FollowUps:Mail:Addresses:anna=anna.a@stad.example",
        "FollowUps:Mail:Coordinators:farsta:0=samordnare.ett@stad.example",
        "FollowUps:Mail:Coordinators:farsta:1=samordnare.tva@stad.example",
    ];

    [Fact]
    public async Task A_missed_follow_up_mails_one_reminder_to_the_social_secretary_then_one_escalation_to_the_coordinators()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await FollowUpsHost.StartAsync(time, MailSettings(smtp));
        var consumed = new ConsumedMessages();
        using var observer = host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var claimer = host.Services.GetRequiredService<DeadlineClaimer>();
        var command = new ScheduleFollowUps(Guid.NewGuid(), Guid.NewGuid(), "Farsta", time.GetUtcNow(), "P1M", "P3M", "anna");

        await host.SendAsync(command);
        var deadline = await DeadlineAsync(host, command.InterventionReferralId, DeadlineState.Pending);
        time.SetUtcNow(deadline.NextActionAt!.Value);
        await claimer.ClaimDueAsync(CancellationToken.None);

        var reminder = (await smtp.WaitForAsync(1, Wait)).Single();
        reminder.To.Mailboxes.Select(m => m.Address).Should().Equal("anna.a@stad.example");
        reminder.From.Mailboxes.Single().Address.Should().Be("uppfoljning@stad.example");
        reminder.Subject.Should().Be($"Påminnelse: uppföljning 1 senast {deadline.DueOn:yyyy-MM-dd}");
        reminder.TextBody.Should().Contain(command.ReferralId.ToString()).And.Contain("farsta");

        // The broker delivers the reminder event again (same MessageId): the inbox drops it, no second e-mail.
        var staged = await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .SingleAsync(m => m.MessageType.StartsWith(typeof(FollowUpReminderIssued).FullName!)));
        await consumed.WaitForAsync(staged.Id, 1, Wait);
        await host.PublishAsync(JsonSerializer.Deserialize<FollowUpReminderIssued>(staged.Body, JsonSerializerOptions.Web)!, staged.Id);
        await consumed.WaitForAsync(staged.Id, 2, Wait);
        await claimer.ClaimDueAsync(CancellationToken.None);
        smtp.Received.Should().HaveCount(1, "a redelivered reminder is dropped by the inbox and the claimer has nothing more due");

        var reminded = await DeadlineAsync(host, command.InterventionReferralId, DeadlineState.Reminded);
        time.SetUtcNow(reminded.NextActionAt!.Value);
        await claimer.ClaimDueAsync(CancellationToken.None);

        var escalation = (await smtp.WaitForAsync(2, Wait))[1];
        escalation.To.Mailboxes.Select(m => m.Address).Should().BeEquivalentTo(["samordnare.ett@stad.example", "samordnare.tva@stad.example"]);
        escalation.Subject.Should().Be($"Försenad uppföljning i farsta: förföll {deadline.DueOn:yyyy-MM-dd}");
        escalation.MessageId.Should().NotBe(reminder.MessageId);
        var notices = await Poll.UntilAsync(() => host.QueryAsync(async db =>
        {
            var all = await db.Notices.AsNoTracking().Where(n => n.DeadlineId == deadline.Id).OrderBy(n => n.IssuedAt).ToListAsync();
            return all.Count == 2 && all.All(n => n.MailedAt is not null) ? all : null;
        }), Wait, "both notices marked as mailed");
        notices.Select(n => (n.Kind, n.MailRecipients)).Should().Equal((NoticeKind.Reminder, 1), (NoticeKind.Escalation, 2));
        smtp.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_host_stopped_right_after_claiming_loses_nothing_the_next_host_mails_the_reminder_once()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        string[] settings = [.. environment.Variables().Where(v => v.Key != "Urls").Select(v => $"{v.Key.Replace("__", ":", StringComparison.Ordinal)}={v.Value}"),
            .. MailSettings(smtp)];
        var command = new ScheduleFollowUps(Guid.NewGuid(), Guid.NewGuid(), "farsta", time.GetUtcNow(), "", "", "anna");

        await using (var first = await FollowUpsHost.StartAsync(time, settings))
        {
            await first.SendAsync(command);
            var deadline = await DeadlineAsync(first, command.InterventionReferralId, DeadlineState.Pending);
            time.SetUtcNow(deadline.NextActionAt!.Value);
            await first.Services.GetRequiredService<DeadlineClaimer>().ClaimDueAsync(CancellationToken.None);
        }

        var mailedBeforeRestart = smtp.Received.Count;
        await using var second = await FollowUpsHost.StartAsync(time, settings);
        await second.Services.GetRequiredService<DeadlineClaimer>().ClaimDueAsync(CancellationToken.None);

        (await smtp.WaitForAsync(1, Wait)).Should().ContainSingle().Which.To.Mailboxes.Single().Address.Should().Be("anna.a@stad.example");
        var notice = await Poll.UntilAsync(() => second.QueryAsync(db => db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.MailedAt != null)),
            Wait, "the reminder marked as mailed");
        notice.Kind.Should().Be(NoticeKind.Reminder);
        smtp.Received.Should().HaveCount(1, $"one reminder, whether it left before the stop ({mailedBeforeRestart} had) or after the restart");
        await Poll.UntilAsync(() => second.QueryAsync<string?>(async db =>
            await db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null) == 0 ? "all dispatched" : null), Wait, "an empty outbox");
    }

    private static Task<FollowUpDeadline> DeadlineAsync(FollowUpsHost host, Guid interventionReferralId, DeadlineState state) =>
        Poll.UntilAsync(() => host.QueryAsync(db => db.Deadlines.AsNoTracking()
            .SingleOrDefaultAsync(d => d.InterventionReferralId == interventionReferralId && d.State == state)), Wait, $"a {state} deadline");
}
