namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>Settings of the stored runtime, from the configuration section <c>Workflows:Runtime</c>.</summary>
public sealed class WorkflowRuntimeOptions
{
    public const string Section = "Workflows:Runtime";

    /// <summary>
    /// How long an event that matched no bookmark is kept for an instance that has not reached it yet. Caseworkers'
    /// steps are days apart, so days, not seconds.
    /// </summary>
    public TimeSpan PendingStimulusLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often the background processor retries pending stimuli and purges expired ones.</summary>
    public TimeSpan PendingStimulusInterval { get; set; } = TimeSpan.FromSeconds(5);
}
