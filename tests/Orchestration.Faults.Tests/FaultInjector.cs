using System.Collections.Concurrent;

namespace Orchestration.Faults.Tests;

/// <summary>Injects the faults, each chosen and timed from the run's seed, and keeps the figures the suite prints.</summary>
internal sealed class FaultInjector(Topology topology, FaultDatabase database, Random random, Action<string> log)
{
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The schemas of the modules' outboxes (each module's own, the engine's included).</summary>
    public static readonly string[] OutboxSchemas = ["workflows", "financialaid", "jobbtorg", "interventions", "followups"];

    public ConcurrentDictionary<FaultKind, int> Injected { get; } = new();

    public TimeSpan LongestRecovery { get; private set; }

    public int MessagesRedelivered { get; private set; }

    public int DeadlinesMoved { get; private set; }

    public async Task InjectAsync(FaultKind kind)
    {
        var what = kind switch
        {
            FaultKind.KillEngineNode => await KillAsync(Pick(topology.EngineNodes.ToList())),
            FaultKind.KillServiceHost => await KillAsync(Pick(topology.Processes.Where(p => p.Module != "Workflows").ToList())),
            FaultKind.RestartRabbitMq => await TimedAsync("RabbitMQ restarted", FaultServers.RestartRabbitMqAsync),
            FaultKind.RestartPostgres => await TimedAsync("PostgreSQL restarted (immediate stop)", FaultServers.RestartPostgresAsync),
            FaultKind.RedeliverOldMessages => await RedeliverAsync(),
            FaultKind.MoveTimePastDeadlines => await MoveTimeAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
        log($"fault {kind}: {what}");
    }

    /// <summary>
    /// Moves time for the follow-up deadlines: each pending one's due date and next action go back by the whole days
    /// that separate now from its reminder point, plus one, which is what the claimer would see had the clock moved
    /// on (the processes keep their own clocks, which a test cannot share). Then the claimer runs through its endpoint
    /// beside its recurring Hangfire job.
    /// </summary>
    public async Task<string> MoveTimeAsync()
    {
        var moved = await database.ExecuteAsync("""
            UPDATE followups."Deadlines"
            SET "DueOn" = "DueOn" - (floor(extract(epoch FROM "NextActionAt" - now()) / 86400)::int + 1),
                "NextActionAt" = "NextActionAt" - make_interval(days => floor(extract(epoch FROM "NextActionAt" - now()) / 86400)::int + 1)
            WHERE "State" = 'Pending' AND "NextActionAt" > now()
            """);
        DeadlinesMoved += moved;
        var claimed = await topology.FollowUpsAdmin.PostAsync("/api/follow-ups/claims", new { });
        return $"{moved} deadline(s) moved past their reminder point; the claimer issued {claimed["noticesIssued"]}";
    }

    private async Task<string> KillAsync(TopologyProcess process)
    {
        // Sometimes the process stays down a moment, so that work queues up for it.
        var down = TimeSpan.FromMilliseconds(random.Next(0, 3000));
        var recovery = await process.KillAndRestartAsync(RestartTimeout, down);
        LongestRecovery = recovery > LongestRecovery ? recovery : LongestRecovery;
        return $"SIGKILL {process.Name}, down {down.TotalSeconds:F1} s, ready again {recovery.TotalSeconds:F1} s after the kill";
    }

    private static async Task<string> TimedAsync(string what, Func<Task> fault)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await fault();
        return $"{what} in {clock.Elapsed.TotalSeconds:F1} s";
    }

    private async Task<string> RedeliverAsync()
    {
        // A share of each outbox's delivered rows, picked from the seed, goes out again: to the receivers these are
        // repeats of messages they have handled, arriving after newer ones.
        var salt = random.Next();
        var total = 0;
        foreach (var schema in OutboxSchemas)
        {
            total += await database.ExecuteAsync($"""
                UPDATE {schema}."OutboxMessages" SET "DispatchedAt" = NULL
                WHERE "DispatchedAt" IS NOT NULL AND ('x' || substr(md5("Id"::text || '{salt}'), 1, 8))::bit(32)::int % 3 = 0
                """);
        }

        MessagesRedelivered += total;
        return $"{total} delivered message(s) set to go out again";
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
