namespace Orchestration.FollowUps.Domain;

/// <summary>A reminder or escalation the claimer issued for a deadline, and when its e-mail left.</summary>
public sealed class DeadlineNotice
{
    public Guid Id { get; init; }

    public Guid DeadlineId { get; init; }

    public NoticeKind Kind { get; init; }

    /// <summary>The due date the notice was about (a moved date gets notices of its own).</summary>
    public DateOnly DueOn { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>When the e-mail was handed to the mail server (or written to the pickup folder); null until then.</summary>
    public DateTimeOffset? MailedAt { get; private set; }

    /// <summary>How many recipients the e-mail went to; zero when no address is configured for them.</summary>
    public int MailRecipients { get; private set; }

    public void MarkMailed(DateTimeOffset at, int recipients)
    {
        MailedAt = at;
        MailRecipients = recipients;
    }
}
