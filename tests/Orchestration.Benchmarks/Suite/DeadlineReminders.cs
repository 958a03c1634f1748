using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using Orchestration.FollowUps.Options;
using Orchestration.Testing.Hosting;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// Item 6: 10,000 follow-up deadlines falling due at the same moment, fired by the claimer of two production hosts
/// at once. The hosts are two processes of the built executable with the follow-ups module only, each with its own
/// connection pool, Hangfire server, outbox dispatcher and mail consumers, on one database and RabbitMQ virtual host
/// (as the production topology runs them). Both are asked to claim at the same instant through the admin endpoint,
/// which calls the claimer exactly as the recurring Hangfire job does; the recurring job itself is set to a yearly
/// cron, so it does not add a third claimer at a random minute. "Issued" is the claimer's commit: the deadline
/// marked, its notice written and its event staged in the outbox, in one transaction. Exactly once is checked per
/// deadline in the database (notices and outbox events) and afterwards per e-mail (pickup folders of both nodes).
/// Baselines in the same run: the same 10,000 fired by one node, and a plain-SQL floor doing the same writes in
/// the same batches of 500 (UPDATE … RETURNING feeding the notice and outbox INSERTs, no EF Core).
/// </summary>
public static class DeadlineReminders
{
    private const int Count = 10_000;
    private const int Batch = 500;
    private const string District = "farsta";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>At load average 40 on the two cores one round's 10,000 e-mails took 4.5 minutes; the claim figures do not wait for this.</summary>
    private static readonly TimeSpan MailPatience = TimeSpan.FromMinutes(15);

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        await using var environment = await ProductionEnvironment.CreateAsync();
        var work = Directory.CreateTempSubdirectory("orchestration-deadlines-").FullName;
        try
        {
            Progress.Say("  deadlines: starting two production hosts (follow-ups module only) as separate processes");
            await using var nodeA = HostProcess.Start(work, Settings(environment, work, "a"));
            await using var nodeB = HostProcess.Start(work, Settings(environment, work, "b"));
            var addressA = await nodeA.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
            var addressB = await nodeB.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
            var key = await environment.CreateApiKeyAsync("Admin");
            using var clientA = Client(addressA, key);
            using var clientB = Client(addressB, key);
            var connectionString = environment.Database.ConnectionString;
            var due = DueNow();
            // As the every-minute job keeps a production claimer warm: the first call of a process pays for JIT and EF's query compilation.
            Progress.Say("  deadlines: warming both claimers with nothing due");
            foreach (var client in new[] { clientA, clientB })
            {
                (await client.PostAsync("/api/follow-ups/claims", null)).EnsureSuccessStatusCode();
            }

            Progress.Say($"  deadlines: floor, plain SQL firing {Count:#,0} due rows in batches of {Batch} (same writes, shadow tables)");
            var floor = await FloorAsync(connectionString, due);

            var oneNode = await RoundAsync("one node", connectionString, due, 1, [clientA], work);
            var twoNodes = await RoundAsync("two nodes", connectionString, due, 2, [clientA, clientB], work);

            var none = twoNodes.Doubled == 0 && twoNodes.Missing == 0 && twoNodes.MailsDoubled == 0 && twoNodes.MailsMissing == 0;
            var inTime = twoNodes.Seconds <= 10;
            return
            [
                new Figure("6", $"{Count:#,0} due reminders issued, two claimer nodes", twoNodes.Seconds, "s", "one node", oneNode.Seconds,
                    "≤ 10 s, none doubled", inTime && none,
                    (inTime, none) switch
                    {
                        (true, true) => null,
                        (false, true) => $"{twoNodes.Seconds - 10:0.0} s over",
                        _ => $"{twoNodes.Doubled} doubled, {twoNodes.Missing} missing, {twoNodes.MailsDoubled} e-mails doubled",
                    },
                    $"{Count / twoNodes.Seconds:#,0} reminders/s; split {string.Join(" / ", twoNodes.Split)}; {twoNodes.Doubled} doubled, {twoNodes.Missing} missing (notices and outbox events per deadline)"),
                new Figure("6", $"{Count:#,0} due reminders issued, one claimer node", oneNode.Seconds, "s", "plain-SQL floor", floor, "–", null,
                    Note: $"{Count / oneNode.Seconds:#,0} reminders/s; {oneNode.Doubled} doubled, {oneNode.Missing} missing"),
                new Figure("6", $"floor: plain SQL, same writes, batches of {Batch}", floor, "s", "–", null, "–", null,
                    Note: $"{Count / floor:#,0} rows/s; one connection, UPDATE … FOR UPDATE SKIP LOCKED … RETURNING into the notice and outbox INSERTs"),
                new Figure("6", "reminders doubled or missing, two nodes", twoNodes.Doubled + twoNodes.Missing, "", "one node",
                    oneNode.Doubled + oneNode.Missing, "0", twoNodes.Doubled + twoNodes.Missing == 0,
                    twoNodes.Doubled + twoNodes.Missing == 0 ? null : $"{twoNodes.Doubled} doubled, {twoNodes.Missing} missing"),
                new Figure("6", $"{Count:#,0} reminder e-mails written, two nodes", twoNodes.MailSeconds, "s", "one node", oneNode.MailSeconds,
                    "–", twoNodes.MailsDoubled == 0 && twoNodes.MailsMissing == 0 ? null : false,
                    twoNodes.MailsDoubled == 0 && twoNodes.MailsMissing == 0 ? null : $"{twoNodes.MailsDoubled} doubled, {twoNodes.MailsMissing} missing",
                    $"from the claim request to the last notice marked mailed: outbox → RabbitMQ → mail consumer → pickup folder, both nodes consuming; {twoNodes.MailsDoubled} e-mails in both nodes' folders, {twoNodes.MailsMissing} missing"),
            ];
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record Round(double Seconds, int[] Split, long Doubled, long Missing, double MailSeconds, long MailsDoubled, long MailsMissing);

    /// <summary>The due date, next action and escalation time of a deadline whose reminder is due now and whose escalation is not.</summary>
    internal sealed record DueDeadline(DateOnly DueOn, DateTimeOffset ReminderAt, DateTimeOffset EscalationAt);

    internal static DueDeadline DueNow()
    {
        var timing = new FollowUpsOptions().Timing();
        var dueOn = timing.Today(TimeProvider.System.GetUtcNow()).AddDays(4);
        return new DueDeadline(dueOn, timing.ReminderAt(dueOn), timing.EscalationAt(dueOn));
    }

    private static Dictionary<string, string> Settings(ProductionEnvironment environment, string work, string node)
    {
        var settings = environment.Variables();
        // A pool of the node's own (the server's 100 connections are shared), named so pg_stat_activity tells the nodes apart.
        settings["ConnectionStrings__Orchestration"] = new NpgsqlConnectionStringBuilder(environment.Database.ConnectionString)
        {
            MaxPoolSize = 20,
            ApplicationName = $"followups-node-{node}",
        }.ConnectionString;
        settings["Orchestration__DataFolder"] = Path.Combine(work, $"node-{node}");
        foreach (var module in new[] { "Workflows", "FinancialAid", "Jobbtorg", "Interventions", "Statistics", "CaseTimeline", "Pages" })
        {
            settings[$"Modules__{module}"] = "false";
        }

        settings["Modules__FollowUps"] = "true";
        // The benchmark starts the claimers itself; the recurring job (every minute in production) would join at a random moment.
        settings["FollowUps__ClaimCron"] = "0 0 1 1 *";
        settings["FollowUps__Mail__AddressTemplate"] = "{0}@stad.example";
        return settings;
    }

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = Patience };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    private sealed record ClaimResponse(int NoticesIssued);

    private static async Task<Round> RoundAsync(string name, string connectionString, DueDeadline due, int round, HttpClient[] nodes, string work)
    {
        // Each round's deadlines carry their own creation time, which tells them apart from the other round's.
        var tag = TimeProvider.System.GetUtcNow().AddDays(-30).AddSeconds(round);
        Progress.Say($"  deadlines: {name}: inserting {Count:#,0} deadlines due now");
        await SeedAsync(connectionString, "followups.\"Deadlines\"", due, tag);
        await ExecuteAsync(connectionString, "ANALYZE followups.\"Deadlines\"");

        Progress.Say($"  deadlines: {name}: claiming");
        using var watching = new CancellationTokenSource();
        var watch = WatchAsync(name, "issued", connectionString,
            "SELECT count(*) FROM followups.\"Deadlines\" WHERE \"CreatedAt\" = @tag AND \"State\" = 'Reminded'", tag, watching.Token);
        var clock = Stopwatch.StartNew();
        var split = await Task.WhenAll(nodes.Select(ClaimAsync));
        var seconds = clock.Elapsed.TotalSeconds;
        await watching.CancelAsync();
        await watch;
        var (doubled, missing) = await ExactlyOnceAsync(connectionString, tag);
        Progress.Say($"  deadlines: {name}: {split.Sum():#,0} issued in {seconds:0.00} s (split {string.Join(" / ", split)}), {doubled} doubled, {missing} missing");
        if (split.Sum() != Count)
        {
            throw new InvalidOperationException($"The claimers reported {split.Sum()} notices instead of {Count}.");
        }

        using var mailWatching = new CancellationTokenSource();
        var mailWatch = WatchAsync(name, "e-mails written", connectionString, MailedSql, tag, mailWatching.Token);
        // The next round must not claim while this one's e-mails still take the CPU.
        await Poll.UntilAsync(async () => await CountAsync(connectionString, MailedSql, tag) >= Count ? "all" : null, MailPatience,
            $"{Count} reminder e-mails", TimeSpan.FromMilliseconds(50));
        var mailSeconds = clock.Elapsed.TotalSeconds;
        await mailWatching.CancelAsync();
        await mailWatch;
        var (mailsDoubled, mailsMissing) = await MailedOnceAsync(connectionString, tag, work);
        Progress.Say($"  deadlines: {name}: all e-mails written {mailSeconds:0.0} s after the claim began; {mailsDoubled} doubled, {mailsMissing} missing");
        return new Round(seconds, split, doubled, missing, mailSeconds, mailsDoubled, mailsMissing);

        async Task<int> ClaimAsync(HttpClient node)
        {
            var response = await node.PostAsync("/api/follow-ups/claims", null);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<ClaimResponse>())!.NoticesIssued;
        }
    }

    private const string MailedSql = """
        SELECT count(*) FROM followups."DeadlineNotices" n JOIN followups."Deadlines" d ON d."Id" = n."DeadlineId"
        WHERE d."CreatedAt" = @tag AND n."MailedAt" IS NOT NULL
        """;

    /// <summary>Prints the count every second while the clock runs, so a slow round is visibly alive.</summary>
    private static async Task WatchAsync(string name, string what, string connectionString, string sql, DateTimeOffset tag, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
                Progress.Say($"    {name}: {await CountAsync(connectionString, sql, tag):#,0} / {Count:#,0} {what}");
            }
        }
        catch (OperationCanceledException)
        {
            // The round is over.
        }
    }

    /// <summary>Deadlines of the round with more than one notice or outbox event (doubled) or none (missing).</summary>
    private static async Task<(long Doubled, long Missing)> ExactlyOnceAsync(string connectionString, DateTimeOffset tag)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH round AS (SELECT "Id" FROM followups."Deadlines" WHERE "CreatedAt" = @tag),
            notices AS (
                SELECT r."Id", count(n."Id") AS c FROM round r
                LEFT JOIN followups."DeadlineNotices" n ON n."DeadlineId" = r."Id" AND n."Kind" = 'Reminder' GROUP BY r."Id"),
            events AS (
                SELECT r."Id", count(m."Id") AS c FROM round r
                LEFT JOIN followups."OutboxMessages" m ON (m."Body"::jsonb ->> 'deadlineId')::uuid = r."Id" GROUP BY r."Id")
            SELECT
                (SELECT count(*) FROM notices WHERE c > 1) + (SELECT count(*) FROM events WHERE c > 1),
                (SELECT count(*) FROM notices WHERE c = 0) + (SELECT count(*) FROM events WHERE c = 0)
                + (SELECT count(*) FROM followups."Deadlines" WHERE "CreatedAt" = @tag AND "State" <> 'Reminded')
            """, connection) { CommandTimeout = 300 };
        command.Parameters.AddWithValue("tag", tag);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// E-mails of the round found in both nodes' pickup folders (each file is named after its notice, so a repeat on
    /// one node overwrites its own file, but the same notice mailed by both nodes leaves two) or in neither.
    /// </summary>
    private static async Task<(long Doubled, long Missing)> MailedOnceAsync(string connectionString, DateTimeOffset tag, string work)
    {
        var notices = new List<string>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT n."Id" FROM followups."DeadlineNotices" n JOIN followups."Deadlines" d ON d."Id" = n."DeadlineId" WHERE d."CreatedAt" = @tag
                """, connection);
            command.Parameters.AddWithValue("tag", tag);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                notices.Add(reader.GetGuid(0).ToString("N"));
            }
        }

        var files = new[] { "a", "b" }
            .Select(node => Path.Combine(work, $"node-{node}", "mail-pickup"))
            .SelectMany(folder => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml") : [])
            .Select(path => Path.GetFileName(path).Split('@')[0])
            .GroupBy(notice => notice)
            .ToDictionary(g => g.Key, g => g.Count());
        return (notices.Count(n => files.GetValueOrDefault(n) > 1), notices.Count(n => !files.ContainsKey(n)));
    }

    /// <summary>The plain-SQL floor on copies of the three tables (no host sees them): the same rows written, the same batches.</summary>
    private static async Task<double> FloorAsync(string connectionString, DueDeadline due)
    {
        await ExecuteAsync(connectionString, """
            CREATE TABLE public.floor_deadlines (LIKE followups."Deadlines" INCLUDING ALL);
            CREATE TABLE public.floor_notices (LIKE followups."DeadlineNotices" INCLUDING ALL);
            CREATE TABLE public.floor_outbox (LIKE followups."OutboxMessages" INCLUDING ALL);
            """);
        var tag = TimeProvider.System.GetUtcNow().AddDays(-30);
        await SeedAsync(connectionString, "public.floor_deadlines", due, tag);
        await ExecuteAsync(connectionString, "ANALYZE public.floor_deadlines");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        var fired = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand("""
                WITH batch AS (
                    SELECT "Id" FROM public.floor_deadlines
                    WHERE "State" IN ('Pending', 'Reminded') AND "NextActionAt" <= @now
                    ORDER BY "NextActionAt" LIMIT @batch FOR UPDATE SKIP LOCKED),
                reminded AS (
                    UPDATE public.floor_deadlines d SET "State" = 'Reminded', "NextActionAt" = @escalation, "Version" = gen_random_uuid()
                    FROM batch WHERE d."Id" = batch."Id"
                    RETURNING d."Id", d."ReferralId", d."InterventionReferralId", d."District", d."DueOn"),
                notices AS (
                    INSERT INTO public.floor_notices ("Id", "DeadlineId", "Kind", "DueOn", "IssuedAt", "MailRecipients")
                    SELECT gen_random_uuid(), "Id", 'Reminder', "DueOn", @now, 0 FROM reminded
                    RETURNING "Id", "DeadlineId")
                INSERT INTO public.floor_outbox ("Id", "MessageType", "Body", "CreatedAt", "Attempts")
                SELECT gen_random_uuid(), 'FollowUpReminderIssued', json_build_object(
                    'referralId', r."ReferralId", 'interventionReferralId', r."InterventionReferralId", 'deadlineId', r."Id",
                    'noticeId', n."Id", 'district', r."District", 'dueOn', r."DueOn", 'issuedAt', @now)::text, @now, 0
                FROM notices n JOIN reminded r ON r."Id" = n."DeadlineId"
                """, connection);
            command.Parameters.AddWithValue("now", TimeProvider.System.GetUtcNow());
            command.Parameters.AddWithValue("batch", Batch);
            command.Parameters.AddWithValue("escalation", due.EscalationAt);
            var rows = await command.ExecuteNonQueryAsync();
            fired += rows;
            if (rows < Batch)
            {
                break;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        if (fired != Count)
        {
            throw new InvalidOperationException($"The floor fired {fired} rows instead of {Count}.");
        }

        Progress.Say($"  deadlines: floor fired {fired:#,0} in {seconds:0.00} s");
        return seconds;
    }

    /// <summary>One INSERT … SELECT of <see cref="Count"/> pending deadlines whose reminder is due now (one moment for all, as at 07:00).</summary>
    internal static Task SeedAsync(string connectionString, string table, DueDeadline due, DateTimeOffset tag) =>
        ExecuteAsync(connectionString, $"""
            INSERT INTO {table} ("Id", "ReferralId", "InterventionReferralId", "District", "ResponsibleSocialSecretary", "Kind", "Sequence",
                "PlannedOn", "DueOn", "Interval", "State", "NextActionAt", "CreatedAt", "ClosedAt", "FollowUpId", "Version")
            SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), @district, 'handlaggare-' || (g % 200), 'FirstFollowUp', 1,
                @due, @due, 'P3M', 'Pending', @next, @tag, NULL, NULL, gen_random_uuid()
            FROM generate_series(1, @count) g
            """, ("district", District), ("due", due.DueOn), ("next", due.ReminderAt), ("tag", tag), ("count", Count));

    private static async Task<long> CountAsync(string connectionString, string sql, DateTimeOffset tag)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tag", tag);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
