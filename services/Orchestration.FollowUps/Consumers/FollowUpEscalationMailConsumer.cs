using MassTransit;
using Orchestration.Contracts.FollowUps.Events;
using Orchestration.FollowUps.Mail;

namespace Orchestration.FollowUps.Consumers;

/// <summary>E-mails an escalation to the district's coordinators, once per message.</summary>
public sealed class FollowUpEscalationMailConsumer(NoticeMailer mailer) : IConsumer<FollowUpEscalated>
{
    public const string ConsumerName = "followups.escalation-mail";

    public Task Consume(ConsumeContext<FollowUpEscalated> context) =>
        mailer.MailAsync(context.MessageId, ConsumerName, context.Message.DeadlineId, context.Message.NoticeId, context.CancellationToken);
}
