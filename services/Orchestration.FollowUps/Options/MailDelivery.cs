namespace Orchestration.FollowUps.Options;

public enum MailDelivery
{
    /// <summary>.eml files in a folder (embedded profile default): nothing leaves the machine.</summary>
    PickupFolder,

    /// <summary>SMTP to the configured server (production).</summary>
    Smtp,
}
