using MimeKit;

namespace Orchestration.FollowUps.Mail;

/// <summary>Hands an e-mail to the mail system (SMTP server or pickup folder).</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
