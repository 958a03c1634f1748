using MimeKit;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Options;

namespace Orchestration.FollowUps.Mail;

/// <summary>
/// The e-mail of a reminder or escalation: ids and dates only, never the person's data (the reader opens the case
/// in the inbox). Its Message-Id comes from the notice, so a mail server or reader can tell a repeat.
/// </summary>
internal static class NoticeMail
{
    public static MimeMessage Compose(FollowUpDeadline deadline, DeadlineNotice notice, IEnumerable<string> recipients, MailOptions options)
    {
        var message = new MimeMessage { MessageId = $"{notice.Id:N}@followups.orchestration" };
        message.From.Add(MailboxAddress.Parse(options.From));
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        var due = $"{notice.DueOn:yyyy-MM-dd}";
        message.Subject = notice.Kind == NoticeKind.Reminder
            ? $"Påminnelse: uppföljning {deadline.Sequence} senast {due}"
            : $"Försenad uppföljning i {deadline.District}: förföll {due}";
        var lead = notice.Kind == NoticeKind.Reminder
            ? $"Uppföljning {deadline.Sequence} av en arbetsmarknadsinsats ska göras senast {due}."
            : $"Uppföljning {deadline.Sequence} av en arbetsmarknadsinsats förföll {due} och är inte registrerad.";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                {lead}

                Ärende (remiss): {deadline.ReferralId}
                Insatsremiss: {deadline.InterventionReferralId}
                Stadsdel: {deadline.District}
                Ansvarig socialsekreterare: {(deadline.ResponsibleSocialSecretary.Length > 0 ? deadline.ResponsibleSocialSecretary : "ej angiven")}

                Öppna uppföljningarna: {options.InboxUrl}
                """,
        };
        return message;
    }
}
