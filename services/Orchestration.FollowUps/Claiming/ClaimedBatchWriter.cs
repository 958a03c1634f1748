using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Orchestration.FollowUps.Domain;
using Orchestration.ServiceDefaults.Messaging.Outbox;

namespace Orchestration.FollowUps.Claiming;

/// <summary>
/// Writes a claimed batch on PostgreSQL in three set-based statements (the deadlines' new state, the notices, their
/// outbox events) instead of EF Core's one statement per row: with 500 rows a batch, the 1,500 single-row
/// statements cost the server about five times the whole batch's work (see README "Benchmarks", item 6). The rows
/// are locked FOR UPDATE by the claim query in the same transaction, so no one can have changed them since they
/// were read; the new <see cref="FollowUpDeadline.Version"/> still tells any writer holding the old one that it lost.
/// </summary>
internal static class ClaimedBatchWriter
{
    public static async Task WriteAsync(DbContext db, IReadOnlyList<FollowUpDeadline> claimed, IReadOnlyList<(DeadlineNotice Notice, OutboxMessage Event)> issued,
        CancellationToken cancellationToken)
    {
        // Every claimed row: Fire may also clear the next action of a row that had nothing left to do.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE followups."Deadlines" AS d SET "State" = u.state, "NextActionAt" = u.next_action_at, "Version" = u.version
            FROM unnest(@ids, @states, @next_action_at, @versions) AS u(id, state, next_action_at, version)
            WHERE d."Id" = u.id
            """,
            [
                Array("ids", NpgsqlDbType.Uuid, claimed.Select(d => d.Id)),
                Array("states", NpgsqlDbType.Text, claimed.Select(d => d.State.ToString())),
                Array("next_action_at", NpgsqlDbType.TimestampTz, claimed.Select(d => d.NextActionAt?.UtcDateTime)),
                Array("versions", NpgsqlDbType.Uuid, claimed.Select(d => d.Version)),
            ], cancellationToken);
        if (issued.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO followups."DeadlineNotices" ("Id", "DeadlineId", "Kind", "DueOn", "IssuedAt", "MailedAt", "MailRecipients")
            SELECT id, deadline_id, kind, due_on, issued_at, NULL, 0
            FROM unnest(@ids, @deadline_ids, @kinds, @due_ons, @issued_ats) AS n(id, deadline_id, kind, due_on, issued_at)
            """,
            [
                Array("ids", NpgsqlDbType.Uuid, issued.Select(i => i.Notice.Id)),
                Array("deadline_ids", NpgsqlDbType.Uuid, issued.Select(i => i.Notice.DeadlineId)),
                Array("kinds", NpgsqlDbType.Text, issued.Select(i => i.Notice.Kind.ToString())),
                Array("due_ons", NpgsqlDbType.Date, issued.Select(i => i.Notice.DueOn)),
                Array("issued_ats", NpgsqlDbType.TimestampTz, issued.Select(i => i.Notice.IssuedAt.UtcDateTime)),
            ], cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO followups."OutboxMessages" ("Id", "MessageType", "Body", "CreatedAt", "DispatchedAt", "Attempts", "LastError")
            SELECT id, message_type, body, created_at, NULL, 0, NULL
            FROM unnest(@ids, @message_types, @bodies, @created_ats) AS m(id, message_type, body, created_at)
            """,
            [
                Array("ids", NpgsqlDbType.Uuid, issued.Select(i => i.Event.Id)),
                Array("message_types", NpgsqlDbType.Text, issued.Select(i => i.Event.MessageType)),
                Array("bodies", NpgsqlDbType.Text, issued.Select(i => i.Event.Body)),
                Array("created_ats", NpgsqlDbType.TimestampTz, issued.Select(i => i.Event.CreatedAt.UtcDateTime)),
            ], cancellationToken);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
