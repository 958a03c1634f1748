namespace Orchestration.Workflows.Persistence.Runtime;

/// <summary>
/// How long the runtime keeps what it no longer needs, from <c>Workflows:Runtime:Retention</c>. An instance goes with
/// its journal, activity executions and bookmarks. Null keeps rows forever.
/// </summary>
public sealed class WorkflowRetentionOptions
{
    /// <summary>Instances that finished normally, counted from FinishedAt.</summary>
    public TimeSpan? FinishedInstances { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Faulted instances: longer, an operator may still look into them.</summary>
    public TimeSpan? FaultedInstances { get; set; } = TimeSpan.FromDays(180);

    public TimeSpan? CancelledInstances { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Journal lines of instances that still run, by their timestamp: a process that lasts years keeps its state but
    /// not every old line. Null (default): a running instance keeps its whole journal.
    /// </summary>
    public TimeSpan? RunningInstanceJournal { get; set; }

    /// <summary>
    /// Inbox rows (message ids already handled). They guard against redelivery, which RabbitMQ does within minutes
    /// and an operator from an error queue within days, so weeks are plenty.
    /// </summary>
    public TimeSpan? Inbox { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Outbox rows already dispatched.</summary>
    public TimeSpan? DispatchedOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Dead follow-ups (listed by GET /elsa/api/runtime/dead), from when they were written. Dead timers stay with their instance.</summary>
    public TimeSpan? DeadFollowUps { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows deleted per statement, so one pass never holds a long transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>When the recurring job runs (Hangfire cron, UTC): hourly by default.</summary>
    public string Cron { get; set; } = "17 * * * *";
}
