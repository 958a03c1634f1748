using MassTransit;
using Orchestration.Contracts.FollowUps.Events;
using Orchestration.FollowUps.Mail;

namespace Orchestration.FollowUps.Consumers;

/// <summary>E-mails a reminder to the responsible social secretary, once per message.</summary>
public sealed class FollowUpReminderMailConsumer(NoticeMailer mailer) : IConsumer<FollowUpReminderIssued>
{
    public const string ConsumerName = "followups.reminder-mail";

    public Task Consume(ConsumeContext<FollowUpReminderIssued> context) =>
        mailer.MailAsync(context.MessageId, ConsumerName, context.Message.DeadlineId, context.Message.NoticeId, context.CancellationToken);
}
