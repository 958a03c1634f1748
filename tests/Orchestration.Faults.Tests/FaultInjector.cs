using System.Collections.Concurrent;

namespace Orchestration.Faults.Tests;

/// <summary>Injects the faults, each chosen and timed from the run's seed, and keeps the figures the suite prints.</summary>
internal sealed class FaultInjector(Topology topology, FaultDatabase database, IReadOnlyList<ReferralDriver> drivers, Random random, Action<string> log)
{
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The schemas of the modules' outboxes (each module's own, the engine's included).</summary>
    public static readonly string[] OutboxSchemas = ["workflows", "financialaid", "jobbtorg", "interventions", "followups"];

    public ConcurrentDictionary<FaultKind, int> Injected { get; } = new();

    public TimeSpan LongestRecovery { get; private set; }

    public int MessagesRedelivered { get; private set; }

    public int DeadlinesMoved { get; private set; }

    public int TimersMoved { get; private set; }

    /// <summary>The follow-ups host was killed or PostgreSQL restarted: a mail may have gone out before its commit was lost.</summary>
    public bool MailerCutOff { get; private set; }

    /// <summary>The referrals whose history was replayed backwards, with the number of messages each time.</summary>
    public List<string> Replayed { get; } = [];

    public async Task InjectAsync(FaultKind kind)
    {
        var what = kind switch
        {
            FaultKind.KillEngineNode => await KillAsync(Pick(topology.EngineNodes.ToList())),
            FaultKind.KillServiceHost => await KillAsync(Pick(topology.Processes.Where(p => p.Module != "Workflows").ToList())),
            FaultKind.RestartRabbitMq => await TimedAsync("RabbitMQ restarted", FaultServers.RestartRabbitMqAsync),
            FaultKind.RestartPostgres => await TimedAsync("PostgreSQL restarted (immediate stop)", FaultServers.RestartPostgresAsync),
            FaultKind.RedeliverOldMessages => await RedeliverAsync(),
            FaultKind.ReplayReferralHistoryBackwards => await ReplayBackwardsAsync(),
            FaultKind.MoveTimePastDeadlines => await MoveTimeAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        MailerCutOff |= kind == FaultKind.RestartPostgres;
        Injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
        log($"fault {kind}: {what}");
    }

    /// <summary>
    /// Moves time on (the processes keep their own clocks, which a test cannot share). Each pending first follow-up
    /// deadline's due date and next action go back by the whole days that separate now from its reminder point, plus
    /// one, which is what the claimer would see had the clock moved on; so do the reminded ones of the escalation
    /// route (their next action is the escalation). Later deadlines (the transfer route's second) are left alone, so
    /// each route's notices are known in advance. Every workflow timer more than an hour ahead (the Resurs overlap)
    /// falls due now, for the engine's sweep. Then the claimer runs through its endpoint beside its Hangfire job.
    /// </summary>
    public async Task<string> MoveTimeAsync()
    {
        var escalating = drivers.Where(d => d.Route == ReferralRoute.Escalation && d.ReferralId.Length > 0).Select(d => Guid.Parse(d.ReferralId)).ToArray();
        var moved = await database.ExecuteAsync("""
            UPDATE followups."Deadlines"
            SET "DueOn" = "DueOn" - (floor(extract(epoch FROM "NextActionAt" - now()) / 86400)::int + 1),
                "NextActionAt" = "NextActionAt" - make_interval(days => floor(extract(epoch FROM "NextActionAt" - now()) / 86400)::int + 1)
            WHERE "Sequence" = 1 AND "NextActionAt" > now()
              AND ("State" = 'Pending' OR ("State" = 'Reminded' AND "ReferralId" = ANY(@escalating)))
            """, ("escalating", escalating));
        var timers = await database.ExecuteAsync("""
            UPDATE workflows."Bookmarks" SET "ResumeAt" = now() WHERE NOT "IsDead" AND "ResumeAt" > now() + interval '1 hour'
            """);
        DeadlinesMoved += moved;
        TimersMoved += timers;
        var claimed = await topology.FollowUpsAdmin.PostAsync("/api/follow-ups/claims", new { });
        return $"{moved} deadline(s) moved past their next action, {timers} workflow timer(s) due now; the claimer issued {claimed["noticesIssued"]}";
    }

    private async Task<string> KillAsync(TopologyProcess process)
    {
        MailerCutOff |= process.Module == "FollowUps";
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

    /// <summary>
    /// Out of order on purpose: every delivered message that names one referral (a finished one when there is one)
    /// goes out again under its MessageId, the newest first, so its receivers see the closure before the registration.
    /// Each module's dispatcher sends a batch in CreatedAt order, so the rows' CreatedAt is mirrored around now.
    /// </summary>
    private async Task<string> ReplayBackwardsAsync()
    {
        var done = drivers.Where(d => d.Stage == "done").ToList();
        var driver = Pick(done.Count > 0 ? done : drivers);
        var total = 0;
        foreach (var schema in OutboxSchemas)
        {
            total += await database.ExecuteAsync($"""
                UPDATE {schema}."OutboxMessages" SET "DispatchedAt" = NULL, "CreatedAt" = now() + (now() - "CreatedAt")
                WHERE "DispatchedAt" IS NOT NULL AND "Body" ILIKE @pattern
                """, ("pattern", $"%{driver.ReferralId}%"));
        }

        MessagesRedelivered += total;
        Replayed.Add($"{driver.ReferralId} ({driver.Route}, {driver.Stage}): {total}");
        return $"{total} delivered message(s) of referral {driver.ReferralId} ({driver.Route}, at {driver.Stage}) set to go out again, newest first";
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
