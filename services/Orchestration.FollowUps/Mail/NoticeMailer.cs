using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FollowUps.Mail;

/// <summary>
/// E-mails one notice, once per message: the inbox row and the notice's "mailed" mark commit together after the
/// send. Only a crash between the server's acceptance and that commit sends again, with the same Message-Id.
/// </summary>
public sealed partial class NoticeMailer(FollowUpsDbContext db, IMailSender sender, IOptions<MailOptions> options, TimeProvider time, ILogger<NoticeMailer> logger)
{
    public async Task MailAsync(Guid? messageId, string consumer, Guid deadlineId, Guid noticeId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await db.TryAcceptAsync(messageId, consumer, now, cancellationToken))
        {
            return;
        }

        var deadline = await db.Deadlines.Include(d => d.Notices).SingleOrDefaultAsync(d => d.Id == deadlineId, cancellationToken);
        var notice = deadline?.Notices.SingleOrDefault(n => n.Id == noticeId)
            ?? throw new InvalidOperationException($"Notice {noticeId} of deadline {deadlineId} does not exist; the event cannot be mailed.");
        var recipients = Recipients(deadline!, notice, options.Value);
        if (recipients.Count > 0)
        {
            await sender.SendAsync(NoticeMail.Compose(deadline!, notice, recipients, options.Value), cancellationToken);
        }
        else
        {
            LogNoRecipient(notice.Kind, deadlineId);
        }

        notice.MarkMailed(now, recipients.Count);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<string> Recipients(FollowUpDeadline deadline, DeadlineNotice notice, MailOptions options) =>
        notice.Kind == NoticeKind.Reminder
            ? options.AddressOf(deadline.ResponsibleSocialSecretary) is { } address && deadline.ResponsibleSocialSecretary.Length > 0 ? [address] : []
            : [.. options.CoordinatorsOf(deadline.District)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No e-mail address is configured for the {Kind} of deadline {DeadlineId}; it shows in the inbox only")]
    private partial void LogNoRecipient(NoticeKind kind, Guid deadlineId);
}
