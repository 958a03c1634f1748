using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orchestration.Contracts.FollowUps.Events;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Options;
using Orchestration.ServiceDefaults.Messaging.Outbox;
using Orchestration.Testing.Infrastructure;
using Xunit.Abstractions;

namespace Orchestration.FollowUps.Tests.Claiming;

/// <summary>The claimer on the real PostgreSQL: several claimers at once, and one that dies holding its batch.</summary>
[Trait("Category", "Integration")]
public sealed class DeadlineClaimerOnPostgresTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_claimers_at_once_fire_each_of_10000_due_reminders_exactly_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var time = new FakeTimeProvider(Now);
        await using var first = new ClaimerNode(database.ConnectionString, time);
        await using var second = new ClaimerNode(database.ConnectionString, time);
        var seeding = Stopwatch.StartNew();
        var ids = await SeedDueAsync(first, 10_000);
        output.WriteLine($"Seeded 10,000 deadlines in {seeding.ElapsedMilliseconds} ms.");

        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(
            Task.Run(() => first.Claimer.ClaimDueAsync(CancellationToken.None)),
            Task.Run(() => second.Claimer.ClaimDueAsync(CancellationToken.None)));
        clock.Stop();
        output.WriteLine($"10,000 due reminders fired by two claimers in {clock.ElapsedMilliseconds} ms (split {counts[0]} / {counts[1]}).");

        counts.Sum().Should().Be(10_000);
        await AssertEachRemindedOnceAsync(first, ids);
        (await first.Claimer.ClaimDueAsync(CancellationToken.None)).Should().Be(0, "nothing is left to fire until the escalations fall due");
    }

    [Fact]
    public async Task Two_claimers_racing_over_due_escalations_escalate_each_once_and_a_writer_holding_the_old_version_loses()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var time = new FakeTimeProvider(Now);
        await using var first = new ClaimerNode(database.ConnectionString, time);
        await using var second = new ClaimerNode(database.ConnectionString, time);
        var ids = await SeedDueAsync(first, 1_200);
        (await first.Claimer.ClaimDueAsync(CancellationToken.None)).Should().Be(1_200);
        var reminded = await first.QueryAsync(db => db.Deadlines.AsNoTracking().ToListAsync());
        reminded.Should().OnlyContain(d => d.State == DeadlineState.Reminded && d.NextActionAt > Now, "the reminder moved each row on to its escalation");

        // A request that read one deadline before the escalation and saves after it.
        await using var requests = new ClaimerNode(database.ConnectionString, time);
        var stale = await requests.QueryAsync(async db =>
        {
            var deadline = await db.Deadlines.SingleAsync(d => d.Id == ids[0]);
            time.SetUtcNow(reminded.Max(d => d.NextActionAt!.Value));
            var counts = await Task.WhenAll(
                Task.Run(() => first.Claimer.ClaimDueAsync(CancellationToken.None)),
                Task.Run(() => second.Claimer.ClaimDueAsync(CancellationToken.None)));
            counts.Sum().Should().Be(1_200, "each escalation is issued by one of the two claimers");
            deadline.Reassign("bertil").Should().BeNull();
            return await FluentActions.Awaiting(() => db.SaveChangesAsync()).Should().ThrowAsync<DbUpdateConcurrencyException>();
        });
        stale.Which.Entries.Should().ContainSingle();

        var escalated = await first.QueryAsync(db => db.Deadlines.AsNoTracking().ToListAsync());
        escalated.Should().OnlyContain(d => d.State == DeadlineState.Escalated && d.NextActionAt == null && d.ResponsibleSocialSecretary == "anna");
        escalated.Select(d => d.Version).Should().OnlyHaveUniqueItems().And.NotIntersectWith(reminded.Select(d => d.Version));
        var notices = await first.QueryAsync(db => db.Notices.AsNoTracking().ToListAsync());
        notices.GroupBy(n => n.DeadlineId).Should().HaveCount(1_200)
            .And.OnlyContain(g => g.Count() == 2 && g.Count(n => n.Kind == NoticeKind.Escalation) == 1 && g.All(n => n.MailedAt == null));
        notices.Where(n => n.Kind == NoticeKind.Escalation).Should().OnlyContain(n => n.IssuedAt == time.GetUtcNow() && n.DueOn == escalated[0].DueOn);
        var events = await first.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
        var escalations = events.Where(m => Type.GetType(m.MessageType) == typeof(FollowUpEscalated))
            .Select(m => JsonSerializer.Deserialize<FollowUpEscalated>(m.Body, JsonSerializerOptions.Web)!).ToList();
        escalations.Select(e => e.DeadlineId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ids, "one escalation event per deadline, staged with its notice");
        escalations.Select(e => e.NoticeId).Should().BeEquivalentTo(notices.Where(n => n.Kind == NoticeKind.Escalation).Select(n => n.Id));
        events.Should().HaveCount(2_400).And.OnlyContain(m => m.DispatchedAt == null && m.Attempts == 0);
        (await first.Claimer.ClaimDueAsync(CancellationToken.None)).Should().Be(0, "an escalated deadline waits for its follow-up, not for the claimer");
    }

    [Fact]
    public async Task A_claimer_killed_while_holding_its_batch_leaves_no_trace_and_its_rows_are_fired_once_by_another()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var time = new FakeTimeProvider(Now);
        await using var survivor = new ClaimerNode(database.ConnectionString, time);
        var ids = await SeedDueAsync(survivor, 1_200);

        // The dying node: it has locked a batch and written its side effects, but never commits.
        var dying = new NpgsqlConnection(database.ConnectionString);
        await dying.OpenAsync();
        var dyingPid = dying.ProcessID;
        var transaction = await dying.BeginTransactionAsync();
        await Execute(dying, """
            WITH batch AS (SELECT "Id" FROM followups."Deadlines" WHERE "State" = 'Pending' ORDER BY "NextActionAt" LIMIT 500 FOR UPDATE SKIP LOCKED)
            UPDATE followups."Deadlines" d SET "State" = 'Reminded' FROM batch WHERE d."Id" = batch."Id"
            """);
        await Execute(dying, """
            INSERT INTO followups."OutboxMessages" ("Id", "MessageType", "Body", "CreatedAt", "Attempts")
            VALUES (gen_random_uuid(), 'half-done', '{}', now(), 0)
            """);

        var whileLocked = await survivor.Claimer.ClaimDueAsync(CancellationToken.None);
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            // With a timeout the call waits until the backend has ended (its locks released); without one it only
            // signals it, and the survivor's SKIP LOCKED claim could still skip the 500 rows (CI saw 0 once).
            await Execute(admin, $"SELECT pg_terminate_backend({dyingPid}, 30000)");
        }

        await ForgetKilledAsync(dying);

        var afterTheKill = await survivor.Claimer.ClaimDueAsync(CancellationToken.None);
        output.WriteLine($"While the dead node held 500 rows the survivor fired {whileLocked}; after the kill {afterTheKill}.");

        whileLocked.Should().Be(700, "the locked rows are skipped, not waited for");
        afterTheKill.Should().Be(500, "the killed connection's locks and uncommitted writes are gone");
        await AssertEachRemindedOnceAsync(survivor, ids);
        (await survivor.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType == "half-done"))).Should().Be(0);
        GC.KeepAlive(transaction);
    }

    /// <summary>Closing a connection the server terminated reports the termination; that is the point of the test.</summary>
    private static async Task ForgetKilledAsync(NpgsqlConnection connection)
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == "57P01") // admin_shutdown
        {
            // Terminated by pg_terminate_backend above.
        }
    }

    /// <summary>Deadlines due in four days: their reminders are due now, their escalations are not.</summary>
    private static async Task<List<Guid>> SeedDueAsync(ClaimerNode node, int count)
    {
        var options = new FollowUpsOptions();
        var timing = options.Timing();
        var calendar = new SwedishWorkingDays();
        var startedOn = timing.Today(Now).AddDays(4).AddMonths(-1);
        var ids = new List<Guid>(count);
        await node.QueryAsync(async db =>
        {
            await db.Database.MigrateAsync();
            for (var offset = 0; offset < count; offset += 1000)
            {
                var batch = Enumerable.Range(0, Math.Min(1000, count - offset)).Select(_ => FollowUpDeadline.Schedule(Guid.NewGuid(), Guid.NewGuid(), "farsta", "anna", 1,
                    startedOn, IsoPeriod.Parse("P1M"), IsoPeriod.Parse("P3M"), calendar, timing, Now.AddMonths(-1))).ToList();
                db.Deadlines.AddRange(batch);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                ids.AddRange(batch.Select(d => d.Id));
            }

            return 0;
        });
        return ids;
    }

    private static async Task AssertEachRemindedOnceAsync(ClaimerNode node, List<Guid> ids)
    {
        var states = await node.QueryAsync(db => db.Deadlines.GroupBy(d => d.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        states.Should().BeEquivalentTo([new { Key = DeadlineState.Reminded, Count = ids.Count }]);
        var notices = await node.QueryAsync(db => db.Notices.Select(n => new { n.DeadlineId, n.Kind }).ToListAsync());
        notices.Should().HaveCount(ids.Count).And.OnlyContain(n => n.Kind == NoticeKind.Reminder);
        notices.Select(n => n.DeadlineId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ids);
        var staged = await node.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageType != "half-done").Select(m => m.Body).ToListAsync());
        staged.Select(b => JsonSerializer.Deserialize<FollowUpReminderIssued>(b, JsonSerializerOptions.Web)!.DeadlineId)
            .Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ids, "each reminder event was staged once, in the transaction that marked its row");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
