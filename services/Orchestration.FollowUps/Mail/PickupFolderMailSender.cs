using Microsoft.Extensions.Options;
using MimeKit;
using Orchestration.FollowUps.Options;
using Orchestration.ServiceDefaults.Hosting;

namespace Orchestration.FollowUps.Mail;

/// <summary>
/// Writes each e-mail as an .eml file named after its Message-Id (embedded profile): a repeat overwrites the same
/// file, and a half-written file is never seen because it is renamed into place.
/// </summary>
internal sealed class PickupFolderMailSender(IOptions<MailOptions> options, HostSettings host) : IMailSender
{
    public string Folder => Path.IsPathRooted(options.Value.PickupFolder)
        ? options.Value.PickupFolder
        : Path.Combine(host.DataFolder, options.Value.PickupFolder);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars()));
        var target = Path.Combine(Folder, name + ".eml");
        var temporary = target + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await message.WriteToAsync(file, cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
    }
}
