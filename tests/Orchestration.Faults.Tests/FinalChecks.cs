using System.Text.Json.Nodes;
using MimeKit;

namespace Orchestration.Faults.Tests;

/// <summary>What the run left behind, read from the modules' databases, the engine's API and the RabbitMQ node.</summary>
internal sealed class FinalChecks(
    Topology topology, FaultServers servers, FaultDatabase database, IReadOnlyList<ReferralDriver> drivers, IReadOnlyList<MimeMessage> mails,
    bool mailRepeatsPossible, Action<string> log)
{
    /// <summary>The commands the process sends for one referral on its route, each once (rows of the engine's outbox), as "Name [unit or outcome]".</summary>
    private static string[] EngineCommands(ReferralDriver driver) => driver.Route == ReferralRoute.Transfer
        ?
        [
            "IssueJobbtorgReferral Jobbtorg", "OpenInterventionReferral", "ScheduleFollowUps", "IssueJobbtorgReferral JobbtorgResurs",
            "CloseInterventionReferral ToJobbtorg", "StopFollowUps", "CloseInterventionReferral Work", "CloseJobbtorgReferral Work",
        ]
        :
        [
            "IssueJobbtorgReferral Jobbtorg", "OpenInterventionReferral", "ScheduleFollowUps", "StopFollowUps",
            "CloseInterventionReferral LostContact", "CloseJobbtorgReferral LostContact",
        ];

    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    public sealed record Report(int SideEffectsChecked, List<string> Duplicates, List<string> Lost, long Stuck,
        List<string> QueuedMessages, List<string> ErrorQueueMessages, List<string> HangfireDoubled, int MailsReceived, int MailRepeats);

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
        var mailsByReferral = mails.Select(m => (Mail: m, Referral: ReferralOf(m))).ToLookup(m => m.Referral, m => m.Mail, StringComparer.OrdinalIgnoreCase);
        var mailRepeats = 0;
        foreach (var driver in drivers)
        {
            var id = Guid.Parse(driver.ReferralId);
            var transfer = driver.Route == ReferralRoute.Transfer;
            var sent = commands.Where(c => c.Body.Contains(driver.ReferralId, StringComparison.OrdinalIgnoreCase)).Select(c => Describe(c.Type, c.Body)).ToList();
            var expected = EngineCommands(driver);
            foreach (var command in expected)
            {
                Expect(driver, $"command {command}", sent.Count(c => c == command));
            }

            foreach (var unexpected in sent.Where(c => !expected.Contains(c)).Distinct())
            {
                duplicates.Add($"{driver.ReferralId}: command {unexpected} x{sent.Count(c => c == unexpected)}, none expected on route {driver.Route}");
            }

            Expect(driver, $"Jobbtorg referral, closed {driver.Outcome}", await database.CountAsync(
                """SELECT count(*) FROM jobbtorg."Referrals" WHERE "ReferralId" = @id AND "Unit" = 'Jobbtorg' AND "Status" = 'Closed' AND "Outcome" = @outcome""",
                ("id", id), ("outcome", driver.Outcome)));
            var interventionOutcome = transfer ? "ToJobbtorg" : "LostContact";
            Expect(driver, $"intervention referral, closed {interventionOutcome}", await database.CountAsync(
                """SELECT count(*) FROM interventions."Referrals" WHERE "ReferralId" = @id AND "State" = 'Closed' AND "Outcome" = @outcome""",
                ("id", id), ("outcome", interventionOutcome)));
            Expect(driver, transfer ? "first follow-up deadline, completed by the follow-up" : "follow-up deadline, stopped", await database.CountAsync(
                """SELECT count(*) FROM followups."Deadlines" WHERE "ReferralId" = @id AND "Sequence" = 1 AND "State" = @state""",
                ("id", id), ("state", transfer ? "Completed" : "Stopped")));
            Expect(driver, "reminder, mailed", await NoticesAsync(id, "Reminder"));
            Expect(driver, "reminder e-mail (distinct Message-Id)", MailsOf(mailsByReferral[driver.ReferralId], "Reminder", ref mailRepeats));
            if (driver.Route == ReferralRoute.Escalation)
            {
                Expect(driver, "escalation, mailed", await NoticesAsync(id, "Escalation"));
                Expect(driver, "escalation e-mail to the coordinators (distinct Message-Id)", MailsOf(mailsByReferral[driver.ReferralId], "Escalation", ref mailRepeats));
            }

            if (transfer)
            {
                Expect(driver, "transfer decided, intervention marked transferred", await database.CountAsync(
                    """SELECT count(*) FROM interventions."Referrals" WHERE "ReferralId" = @id AND "TransferredToJobbtorgResurs" AND "TransferDecidedAt" IS NOT NULL""", ("id", id)));
                Expect(driver, "Jobbtorg Resurs referral with its intake, closed Work", await database.CountAsync(
                    """
                    SELECT count(*) FROM jobbtorg."Referrals" r JOIN jobbtorg."ResursIntakes" i ON i."JobbtorgReferralId" = r."Id"
                    WHERE r."ReferralId" = @id AND r."Unit" = 'JobbtorgResurs' AND r."Status" = 'Closed' AND r."Outcome" = 'Work'
                    """, ("id", id)));
                Expect(driver, "second follow-up deadline, stopped by the transfer", await database.CountAsync(
                    """SELECT count(*) FROM followups."Deadlines" WHERE "ReferralId" = @id AND "Sequence" = 2 AND "State" = 'Stopped'""", ("id", id)));
            }

            // After every fault (the replays of whole histories included): the process and its intervention, both finished, and no third.
            var instances = await database.QueryAsync("""SELECT "SubStatus" FROM workflows."WorkflowInstances" WHERE "CorrelationId" = @id""",
                r => r.GetString(0), ("id", driver.ReferralId));
            Expect(driver, "the referral process and its district intervention, finished", instances.Count == 2 && instances.All(i => i == "Finished") ? 1
                : instances.Count > 2 ? instances.Count : 0);

            // Anything else of this referral is a side effect too many (a second referral or deadline in another state).
            var rows = transfer ? 6 : driver.Route == ReferralRoute.Escalation ? 5 : 4;
            var extra = await database.CountAsync("""
                SELECT (SELECT count(*) FROM jobbtorg."Referrals" WHERE "ReferralId" = @id)
                     + (SELECT count(*) FROM interventions."Referrals" WHERE "ReferralId" = @id)
                     + (SELECT count(*) FROM followups."Deadlines" WHERE "ReferralId" = @id)
                     + (SELECT count(*) FROM followups."DeadlineNotices" n JOIN followups."Deadlines" d ON d."Id" = n."DeadlineId" WHERE d."ReferralId" = @id)
                """, ("id", id));
            if (extra != rows)
            {
                duplicates.Add($"{driver.ReferralId}: {extra} referral, deadline and notice rows in all, {rows} expected on route {driver.Route}");
            }

            var otherMails = mailsByReferral[driver.ReferralId].Count(m => KindOf(m) is null);
            if (otherMails > 0)
            {
                duplicates.Add($"{driver.ReferralId}: {otherMails} e-mail(s) neither reminder nor escalation");
            }
        }

        var strays = mails.Count(m => drivers.All(d => !string.Equals(d.ReferralId, ReferralOf(m), StringComparison.OrdinalIgnoreCase)));
        checkedCount++;
        if (strays > 0)
        {
            duplicates.Add($"{strays} e-mail(s) that name no referral of the run");
        }

        if (mailRepeats > 0 && !mailRepeatsPossible)
        {
            duplicates.Add($"{mailRepeats} e-mail(s) sent again with the same Message-Id, though neither the follow-ups host nor PostgreSQL was cut off");
        }

        var stuck = await Patiently.UntilAsync(StuckAsync, Settle, "the stuck-instance detector to answer");
        log($"stuck-instance detector: {stuck.ToJsonString()}");
        return new Report(checkedCount, duplicates, lost, stuck["count"]!.GetValue<long>(), queued, errors, await DoubledHangfireJobsAsync(), mails.Count, mailRepeats);
    }

    /// <summary>A sent command as "Name [unit or outcome]" from its outbox body.</summary>
    private static string Describe(string type, string body)
    {
        var command = JsonNode.Parse(body)!.AsObject();
        return type switch
        {
            "IssueJobbtorgReferral" => $"IssueJobbtorgReferral {command["unit"]}",
            "CloseInterventionReferral" or "CloseJobbtorgReferral" => $"{type} {command["outcome"]}",
            _ => type,
        };
    }

    private Task<long> NoticesAsync(Guid referralId, string kind) => database.CountAsync("""
        SELECT count(*) FROM followups."DeadlineNotices" n JOIN followups."Deadlines" d ON d."Id" = n."DeadlineId"
        WHERE d."ReferralId" = @id AND n."Kind" = @kind AND n."MailedAt" IS NOT NULL
        """, ("id", referralId), ("kind", kind));

    /// <summary>
    /// The e-mails of one kind for one referral, counted by Message-Id (the notice's id). A second delivery under the
    /// same Message-Id is the one window the mailer leaves (a crash between the SMTP server's acceptance and the
    /// commit); it is counted apart, and allowed only when such a crash was injected.
    /// </summary>
    private static long MailsOf(IEnumerable<MimeMessage> mails, string kind, ref int repeats)
    {
        var ofKind = mails.Where(m => KindOf(m) == kind).ToList();
        var distinct = ofKind.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count();
        repeats += ofKind.Count - distinct;
        return distinct;
    }

    /// <summary>The referral an e-mail is about: its body names the case ("Ärende (remiss): id"), never the person.</summary>
    private static string ReferralOf(MimeMessage mail) =>
        (mail.TextBody ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Ärende (remiss):", StringComparison.Ordinal)) is { } line
            ? line["Ärende (remiss):".Length..].Trim()
            : "";

    private static string? KindOf(MimeMessage mail) =>
        mail.Subject is null ? null
        : mail.Subject.StartsWith("Påminnelse:", StringComparison.Ordinal) && mail.To.Mailboxes.All(a => a.Address != Topology.CoordinatorAddress) ? "Reminder"
        : mail.Subject.StartsWith("Försenad uppföljning", StringComparison.Ordinal) && mail.To.Mailboxes.All(a => a.Address == Topology.CoordinatorAddress) ? "Escalation"
        : null;

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
