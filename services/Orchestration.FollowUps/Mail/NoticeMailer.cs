using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FollowUps.Mail;

/// <summary>
/// E-mails one notice, once. The notice's row is locked for the whole send, so two deliveries of the same event (an
/// outbox that published again after a restart, a broker redelivery) take turns: the second finds the notice mailed
/// and only records its inbox row. Only a crash between the server's acceptance and the commit sends again, with
/// the same Message-Id.
/// </summary>
public sealed partial class NoticeMailer(FollowUpsDbContext db, IMailSender sender, IOptions<MailOptions> options, TimeProvider time, ILogger<NoticeMailer> logger)
{
    /// <summary>SQLite has no row locks; the embedded profile is one process, so one mailer at a time there.</summary>
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public async Task MailAsync(Guid? messageId, string consumer, Guid deadlineId, Guid noticeId, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await SqliteGate.WaitAsync(cancellationToken);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var notice = (await (sqlite
                    ? db.Notices.Where(n => n.Id == noticeId)
                    : db.Notices.FromSql($"""SELECT * FROM followups."DeadlineNotices" WHERE "Id" = {noticeId} FOR UPDATE"""))
                .ToListAsync(cancellationToken)).SingleOrDefault()
                ?? throw new InvalidOperationException($"Notice {noticeId} of deadline {deadlineId} does not exist; the event cannot be mailed.");
            var now = time.GetUtcNow();
            if (await db.TryAcceptAsync(messageId, consumer, now, cancellationToken) && notice.MailedAt is null)
            {
                var deadline = await db.Deadlines.AsNoTracking().SingleAsync(d => d.Id == deadlineId, cancellationToken);
                var recipients = Recipients(deadline, notice, options.Value);
                if (recipients.Count > 0)
                {
                    await sender.SendAsync(NoticeMail.Compose(deadline, notice, recipients, options.Value), cancellationToken);
                }
                else
                {
                    LogNoRecipient(notice.Kind, deadlineId);
                }

                notice.MarkMailed(now, recipients.Count);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (sqlite)
            {
                SqliteGate.Release();
            }
        }
    }

    private static List<string> Recipients(FollowUpDeadline deadline, DeadlineNotice notice, MailOptions options) =>
        notice.Kind == NoticeKind.Reminder
            ? options.AddressOf(deadline.ResponsibleSocialSecretary) is { } address && deadline.ResponsibleSocialSecretary.Length > 0 ? [address] : []
            : [.. options.CoordinatorsOf(deadline.District)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No e-mail address is configured for the {Kind} of deadline {DeadlineId}; it shows in the inbox only")]
    private partial void LogNoRecipient(NoticeKind kind, Guid deadlineId);
}
