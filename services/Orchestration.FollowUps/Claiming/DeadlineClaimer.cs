using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestration.Contracts.FollowUps.Events;
using Orchestration.FollowUps.Domain;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FollowUps.Claiming;

/// <summary>
/// Fires the deadlines whose next action has come, in batches, on any number of nodes at once (DESIGN.md "Deadlines
/// and reminders"). On PostgreSQL each batch is taken with FOR UPDATE SKIP LOCKED, so two claimers never take the
/// same row and a dead claimer's locks go with its connection, and the batch is written back in three set-based
/// statements (<see cref="ClaimedBatchWriter"/>). The notice and its event are staged in the transaction that marks
/// the row: a claimer that dies before the commit leaves no trace, one that commits has its message in the outbox
/// (INFRA-NOTES.md, "Deadlines at volume").
/// </summary>
public sealed partial class DeadlineClaimer(
    IServiceScopeFactory scopes,
    OutboxSignal outbox,
    TimeProvider time,
    IOptions<FollowUpsOptions> options,
    ILogger<DeadlineClaimer> logger)
{
    /// <summary>SQLite has one writer at a time and no row locks: the embedded profile is one node, so one claimer at a time there.</summary>
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    /// <summary>Claims batches until one comes back short; returns how many notices were issued.</summary>
    public async Task<int> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.ClaimBatchSize;
        var timing = options.Value.Timing();
        var issued = 0;
        while (true)
        {
            var (claimed, fired) = await ClaimBatchAsync(batchSize, timing, cancellationToken);
            issued += fired;
            if (claimed < batchSize)
            {
                break;
            }
        }

        if (issued > 0)
        {
            LogIssued(issued);
        }

        return issued;
    }

    private async Task<(int Claimed, int Issued)> ClaimBatchAsync(int batchSize, NoticeTiming timing, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpsDbContext>();
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await SqliteGate.WaitAsync(cancellationToken);
        }

        try
        {
            var now = time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // On PostgreSQL the rows are written back by ClaimedBatchWriter, not by the change tracker.
            var rows = sqlite
                ? await DueOnSqlite(db, now, batchSize).ToListAsync(cancellationToken)
                : await DueOnPostgres(db, now, batchSize).AsNoTracking().ToListAsync(cancellationToken);
            var fired = new List<(DeadlineNotice Notice, OutboxMessage Event)>(rows.Count);
            foreach (var deadline in rows)
            {
                if (deadline.Fire(now, timing) is { } notice)
                {
                    fired.Add((notice, OutboxDbContextExtensions.Compose(Event(deadline, notice), now)));
                }
            }

            if (sqlite)
            {
                db.Notices.AddRange(fired.Select(f => f.Notice));
                db.Set<OutboxMessage>().AddRange(fired.Select(f => f.Event));
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await ClaimedBatchWriter.WriteAsync(db, rows, fired, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            var issued = fired.Count;
            if (issued > 0)
            {
                // Inside an explicit transaction the outbox interceptor does not wake the dispatcher; the commit has happened now.
                outbox.Notify();
            }

            return (rows.Count, issued);
        }
        finally
        {
            if (sqlite)
            {
                SqliteGate.Release();
            }
        }
    }

    private static IQueryable<FollowUpDeadline> DueOnPostgres(FollowUpsDbContext db, DateTimeOffset now, int batchSize) =>
        db.Deadlines.FromSql($"""
            SELECT * FROM followups."Deadlines"
            WHERE "State" IN ('Pending', 'Reminded') AND "NextActionAt" <= {now}
            ORDER BY "NextActionAt"
            LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """);

    private static IQueryable<FollowUpDeadline> DueOnSqlite(FollowUpsDbContext db, DateTimeOffset now, int batchSize) =>
        db.Deadlines
            .Where(d => (d.State == DeadlineState.Pending || d.State == DeadlineState.Reminded) && d.NextActionAt <= now)
            .OrderBy(d => d.NextActionAt)
            .Take(batchSize);

    private static object Event(FollowUpDeadline deadline, DeadlineNotice notice) => notice.Kind == NoticeKind.Reminder
        ? new FollowUpReminderIssued(deadline.ReferralId, deadline.InterventionReferralId, deadline.Id, notice.Id, deadline.District, notice.DueOn, notice.IssuedAt)
        : new FollowUpEscalated(deadline.ReferralId, deadline.InterventionReferralId, deadline.Id, notice.Id, deadline.District, notice.DueOn, notice.IssuedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up claimer issued {Count} notice(s)")]
    private partial void LogIssued(int count);
}
