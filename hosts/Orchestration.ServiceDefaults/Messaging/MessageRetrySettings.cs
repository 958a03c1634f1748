namespace Orchestration.ServiceDefaults.Messaging;

/// <summary>How often a failing consumer is retried, with exponential back-off, before the message goes to the error queue.</summary>
public sealed record MessageRetrySettings(int Limit, TimeSpan MinInterval, TimeSpan MaxInterval)
{
    public static MessageRetrySettings Default { get; } = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));
}
