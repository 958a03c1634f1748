using System.Text.Json.Nodes;

namespace Orchestration.Faults.Tests;

/// <summary>What the run left behind, read from the modules' databases, the engine's API and the RabbitMQ node.</summary>
internal sealed class FinalChecks(Topology topology, FaultServers servers, FaultDatabase database, IReadOnlyList<ReferralDriver> drivers, Action<string> log)
{
    /// <summary>The commands the process sends for one referral on this path, each once (rows of the engine's outbox).</summary>
    private static readonly string[] EngineCommands =
        ["IssueJobbtorgReferral", "OpenInterventionReferral", "ScheduleFollowUps", "StopFollowUps", "CloseInterventionReferral", "CloseJobbtorgReferral"];

    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    public sealed record Report(int SideEffectsChecked, List<string> Duplicates, List<string> Lost, long Stuck,
        List<string> QueuedMessages, List<string> ErrorQueueMessages, List<string> HangfireDoubled);

    public async Task<Report> RunAsync()
    {
        // Redelivered rows and the last events drain first: every outbox empty, every queue but the error queues empty.
        await Patiently.UntilAsync(async () => await UndispatchedAsync() == 0 ? "dispatched" : null, Settle, "every outbox to be dispatched");
        var queued = await Patiently.UntilAsync(async () =>
        {
            var left = (await servers.QueuesAsync()).Where(q => q.Messages > 0 && !IsErrorQueue(q.Queue)).Select(q => $"{q.Queue}: {q.Messages}").ToList();
            return left.Count == 0 ? left : null;
        }, Settle, "every queue to be consumed").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : ["not drained within the settle time"]);
        var errors = (await servers.QueuesAsync()).Where(q => q.Messages > 0 && IsErrorQueue(q.Queue)).Select(q => $"{q.Queue}: {q.Messages}").ToList();

        var duplicates = new List<string>();
        var lost = new List<string>();
        var checkedCount = 0;
        void Expect(ReferralDriver driver, string effect, long count)
        {
            checkedCount++;
            if (count > 1)
            {
                duplicates.Add($"{driver.ReferralId}: {effect} x{count}");
            }
            else if (count < 1)
            {
                lost.Add($"{driver.ReferralId}: {effect} missing");
            }
        }

        var commands = await database.QueryAsync("""SELECT "MessageType", "Body" FROM workflows."OutboxMessages" """,
            r => (Type: r.GetString(0).Split(',')[0].Split('.')[^1], Body: r.GetString(1)));
        foreach (var driver in drivers)
        {
            var id = Guid.Parse(driver.ReferralId);
            var mine = commands.Where(c => c.Body.Contains(driver.ReferralId, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var command in EngineCommands)
            {
                Expect(driver, $"command {command}", mine.Count(c => c.Type == command));
            }

            Expect(driver, "Jobbtorg referral, closed LostContact", await database.CountAsync(
                """SELECT count(*) FROM jobbtorg."Referrals" WHERE "ReferralId" = @id AND "Status" = 'Closed' AND "Outcome" = 'LostContact'""", ("id", id)));
            Expect(driver, "intervention referral, closed LostContact", await database.CountAsync(
                """SELECT count(*) FROM interventions."Referrals" WHERE "ReferralId" = @id AND "State" = 'Closed' AND "Outcome" = 'LostContact'""", ("id", id)));
            Expect(driver, "follow-up deadline, stopped", await database.CountAsync(
                """SELECT count(*) FROM followups."Deadlines" WHERE "ReferralId" = @id AND "State" = 'Stopped'""", ("id", id)));
            Expect(driver, "reminder, mailed", await database.CountAsync(
                """
                SELECT count(*) FROM followups."DeadlineNotices" n JOIN followups."Deadlines" d ON d."Id" = n."DeadlineId"
                WHERE d."ReferralId" = @id AND n."Kind" = 'Reminder' AND n."MailedAt" IS NOT NULL
                """, ("id", id)));

            // Anything else of this referral is a side effect too many (a second referral or deadline in another state).
            var extra = await database.CountAsync("""
                SELECT (SELECT count(*) FROM jobbtorg."Referrals" WHERE "ReferralId" = @id)
                     + (SELECT count(*) FROM interventions."Referrals" WHERE "ReferralId" = @id)
                     + (SELECT count(*) FROM followups."Deadlines" WHERE "ReferralId" = @id)
                     + (SELECT count(*) FROM followups."DeadlineNotices" n JOIN followups."Deadlines" d ON d."Id" = n."DeadlineId" WHERE d."ReferralId" = @id)
                """, ("id", id));
            if (extra != 4)
            {
                duplicates.Add($"{driver.ReferralId}: {extra} referral, deadline and notice rows in all, 4 expected");
            }
        }

        var mails = Directory.Exists(topology.MailFolder) ? Directory.GetFiles(topology.MailFolder, "*.eml").Length : 0;
        checkedCount++;
        if (mails != drivers.Count)
        {
            (mails > drivers.Count ? duplicates : lost).Add($"{mails} reminder e-mails for {drivers.Count} referrals");
        }

        var stuck = await Patiently.UntilAsync(StuckAsync, Settle, "the stuck-instance detector to answer");
        log($"stuck-instance detector: {stuck.ToJsonString()}");
        return new Report(checkedCount, duplicates, lost, stuck["count"]!.GetValue<long>(), queued, errors, await DoubledHangfireJobsAsync());
    }

    private static bool IsErrorQueue(string queue) => queue.EndsWith("_error", StringComparison.Ordinal);

    private async Task<long> UndispatchedAsync()
    {
        long total = 0;
        foreach (var schema in FaultInjector.OutboxSchemas)
        {
            total += await database.CountAsync($"""SELECT count(*) FROM {schema}."OutboxMessages" WHERE "DispatchedAt" IS NULL""");
        }

        return total;
    }

    private async Task<JsonObject?> StuckAsync()
    {
        foreach (var owner in topology.Owners)
        {
            if (await owner.ReadAsync("/elsa/api/runtime/stuck") is JsonObject answer)
            {
                return answer;
            }
        }

        return null;
    }

    /// <summary>
    /// A recurring job registered twice (each follow-ups start registers it), or one occurrence of it enqueued twice
    /// (two schedulers firing the same minute) would be a doubled job.
    /// </summary>
    private async Task<List<string>> DoubledHangfireJobsAsync()
    {
        var recurring = await database.QueryAsync("""SELECT value, count(*) FROM hangfire.set WHERE key = 'recurring-jobs' GROUP BY value HAVING count(*) > 1""",
            r => $"recurring job {r.GetString(0)} registered {r.GetInt64(1)} times");
        var occurrences = await database.QueryAsync("""
            SELECT p1.value, date_trunc('minute', j.createdat), count(*)
            FROM hangfire.job j JOIN hangfire.jobparameter p1 ON p1.jobid = j.id AND p1.name = 'RecurringJobId'
            GROUP BY p1.value, date_trunc('minute', j.createdat) HAVING count(*) > 1
            """, r => $"recurring job {r.GetString(0)} enqueued {r.GetInt64(2)} times in the minute {r.GetDateTime(1):HH:mm}");
        return [.. recurring, .. occurrences];
    }
}
