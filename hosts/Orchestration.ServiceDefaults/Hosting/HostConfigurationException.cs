namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>A setting is missing, malformed or unusable; the host reports it in one line and exits.</summary>
public sealed class HostConfigurationException(string setting, string problem, Exception? inner = null)
    : Exception($"{setting}: {problem}", inner)
{
    public string Setting { get; } = setting;
}
