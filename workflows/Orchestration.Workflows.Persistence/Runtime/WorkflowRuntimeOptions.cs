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

    /// <summary>
    /// How long the node that wrote a follow-up owns it before another node's processor may carry it out (a crash
    /// right after the commit delays it by this much).
    /// </summary>
    public TimeSpan FollowUpLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True: a request (or message) that ran a burst also carries out its follow-ups before it answers, as Elsa runs
    /// them right away. False: it answers after the commit and the processor carries them out once the lease passed.
    /// </summary>
    public bool RunFollowUpsBeforeAnswering { get; set; } = true;

    /// <summary>
    /// How long a request (or message) carries out follow-ups before it answers anyway; the rest stays with the
    /// processor. Without it, one request waited for a whole endless loop (100,000 activities, minutes) to be stopped.
    /// </summary>
    public TimeSpan MaxFollowUpTimeBeforeAnswering { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the follow-up processor looks for due rows.</summary>
    public TimeSpan FollowUpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First retry delay of a failed follow-up; doubled per attempt up to <see cref="FollowUpRetryMax"/>.</summary>
    public TimeSpan FollowUpRetryBase { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan FollowUpRetryMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed attempts a follow-up is dead: kept for an operator, no longer tried.</summary>
    public int FollowUpMaxAttempts { get; set; } = 10;

    /// <summary>How long a node that claimed a due timer holds it before another node may try it.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First retry delay of a timer whose resume failed; doubled per attempt up to <see cref="TimerRetryMax"/>.</summary>
    public TimeSpan TimerRetryBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TimerRetryMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a timer is dead: no longer swept, listed for an operator.</summary>
    public int TimerMaxAttempts { get; set; } = 10;

    /// <summary>
    /// Activities one burst runs before it commits and goes on in a new burst (a Continue follow-up), releasing the
    /// instance lock in between so a cancel, a resume or another node's work can come first.
    /// </summary>
    public int MaxActivitiesPerBurst { get; set; } = 1000;

    /// <summary>Time one burst runs before it commits and goes on in a new one (checked between activities).</summary>
    public TimeSpan MaxBurstDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Activities a run may take across its continuations without waiting for a stimulus; past it the instance faults
    /// with an incident that names this setting (an endless loop).
    /// </summary>
    public long MaxActivitiesPerRun { get; set; } = 100_000;

    /// <summary>How long finished instances, journal, inbox, outbox and dead rows are kept (<c>Workflows:Runtime:Retention</c>).</summary>
    public WorkflowRetentionOptions Retention { get; set; } = new();

    /// <summary>
    /// Tries a message gets when it meets contention on an instance (a concurrency conflict or a lock not granted),
    /// with a growing jittered delay from <see cref="ContentionRetryDelay"/>, before the bus's own retry takes over.
    /// </summary>
    public int ContentionRetries { get; set; } = 8;

    public TimeSpan ContentionRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
