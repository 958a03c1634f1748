using Microsoft.Extensions.Configuration;

namespace Orchestration.ServiceDefaults.Observability;

/// <summary>
/// When <c>Orchestration:CaptureDirectory</c> is set (the test suite sets it), every log event and every message
/// body a host sends is also written there, so that one scan after the suite can prove no personnummer leaked into
/// logs or messages. Off by default; each host process writes its own files.
/// </summary>
public sealed class PrivacyCapture
{
    public const string Setting = "Orchestration:CaptureDirectory";

    private readonly Lock _gate = new();
    private readonly string? _messagesFile;

    public PrivacyCapture(IConfiguration configuration)
    {
        Directory = configuration[Setting] is { Length: > 0 } directory ? System.IO.Directory.CreateDirectory(directory).FullName : null;
        var stamp = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        _messagesFile = Directory is null ? null : Path.Combine(Directory, $"messages-{stamp}.txt");
        LogFile = Directory is null ? null : Path.Combine(Directory, $"log-{stamp}.txt");
    }

    public string? Directory { get; }

    public string? LogFile { get; }

    public bool IsEnabled => Directory is not null;

    /// <summary>Appends one sent message: its type and body on one line.</summary>
    public void Message(string messageType, string body)
    {
        if (_messagesFile is null)
        {
            return;
        }

        lock (_gate)
        {
            File.AppendAllText(_messagesFile, $"{messageType}\t{body.ReplaceLineEndings(" ")}{Environment.NewLine}");
        }
    }
}
