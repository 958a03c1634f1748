namespace Orchestration.ServiceDefaults.Hosting;

public static class HealthTags
{
    /// <summary>Checks that must pass before the host takes traffic (/health/ready).</summary>
    public const string Ready = "ready";
}
