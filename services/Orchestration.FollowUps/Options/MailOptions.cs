using MailKit.Security;
using MimeKit;

namespace Orchestration.FollowUps.Options;

/// <summary>
/// Where reminder and escalation e-mails go (section "FollowUps:Mail"). Recipient addresses come from here only,
/// never from a message: the responsible social secretary's account name is looked up in <see cref="Addresses"/> (or
/// filled into <see cref="AddressTemplate"/>), a district's coordinators in <see cref="Coordinators"/>.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "FollowUps:Mail";

    /// <summary>Unset: SMTP when <see cref="SmtpHost"/> is set, otherwise the pickup folder.</summary>
    public MailDelivery? Delivery { get; set; }

    public MailDelivery EffectiveDelivery => Delivery ?? (string.IsNullOrWhiteSpace(SmtpHost) ? MailDelivery.PickupFolder : MailDelivery.Smtp);

    /// <summary>Relative paths are under the host's data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "uppfoljning@orchestration.invalid";

    /// <summary>Account user name → e-mail address.</summary>
    public Dictionary<string, string> Addresses { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>For accounts missing from <see cref="Addresses"/>: "{0}" is the user name, e.g. "{0}@stad.example"; empty: no address.</summary>
    public string? AddressTemplate { get; set; }

    /// <summary>District → the coordinators' addresses that escalations go to.</summary>
    public Dictionary<string, string[]> Coordinators { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the e-mail points the reader (the inbox API or a page in front of it); ids only.</summary>
    public string InboxUrl { get; set; } = "/api/follow-ups/mine";

    public string? AddressOf(string userName)
    {
        if (Addresses.TryGetValue(userName, out var address))
        {
            return address;
        }

        return string.IsNullOrWhiteSpace(AddressTemplate) ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, AddressTemplate, userName);
    }

    public string[] CoordinatorsOf(string district) => Coordinators.TryGetValue(district, out var addresses) ? addresses : [];

    public string? Validate()
    {
        if (EffectiveDelivery == MailDelivery.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            return $"{Section}:SmtpHost: required when e-mail is sent by SMTP (or set {Section}:Delivery=PickupFolder).";
        }

        if (SmtpPort is < 1 or > 65535)
        {
            return $"{Section}:SmtpPort: 1 to 65535.";
        }

        if (!MailboxAddress.TryParse(From, out _))
        {
            return $"{Section}:From: '{From}' is not an e-mail address.";
        }

        var bad = Addresses.Values.Concat(Coordinators.Values.SelectMany(a => a)).FirstOrDefault(a => !MailboxAddress.TryParse(a, out _));
        return bad is null ? null : $"{Section}: '{bad}' is not an e-mail address.";
    }
}
