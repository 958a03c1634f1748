using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Orchestration.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Claims a message for a consumer in one statement, inside the consumer's transaction: <c>INSERT … ON CONFLICT DO
/// NOTHING</c> into the inbox (the same text on PostgreSQL and SQLite). One row inserted: the message is new, and the
/// row commits or rolls back with the effect. No row: this consumer already committed it, a repeat. A duplicate
/// delivered while the first is still running waits on the key until that transaction ends (PostgreSQL), or on the
/// database's write lock (SQLite), then sees the committed row; if the first rolled back, it inserts and runs.
/// </summary>
internal sealed class InboxStatement
{
    private static readonly ConditionalWeakTable<IModel, InboxStatement> Statements = new();

    private readonly string _sql;
    private readonly RelationalTypeMapping _messageId;
    private readonly RelationalTypeMapping _consumer;
    private readonly RelationalTypeMapping _receivedAt;

    private InboxStatement(string sql, RelationalTypeMapping messageId, RelationalTypeMapping consumer, RelationalTypeMapping receivedAt)
    {
        _sql = sql;
        _messageId = messageId;
        _consumer = consumer;
        _receivedAt = receivedAt;
    }

    /// <summary>The statement for the inbox of <paramref name="db"/>'s model (its table, columns and the provider's value mappings).</summary>
    public static InboxStatement For(DbContext db) => Statements.GetValue(db.Model, _ => Build(db));

    /// <summary>True when the row was inserted (a new message); false when this consumer already has it. Needs an open transaction.</summary>
    public async Task<bool> TryInsertAsync(DbContext db, Guid messageId, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The inbox row is inserted in the consumer's transaction; none is open.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = _sql;
        command.Parameters.Add(_messageId.CreateParameter(command, "p0", messageId, nullable: false));
        command.Parameters.Add(_consumer.CreateParameter(command, "p1", consumer, nullable: false));
        command.Parameters.Add(_receivedAt.CreateParameter(command, "p2", now, nullable: false));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static InboxStatement Build(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(InboxMessage))
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no inbox; its model must call AddOutboxAndInbox.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        IProperty Property(string name) => entity.FindProperty(name)!;
        string Column(string name) => sql.DelimitIdentifier(Property(name).GetColumnName(table)!);
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({Column(nameof(InboxMessage.MessageId))}, {Column(nameof(InboxMessage.Consumer))}, {Column(nameof(InboxMessage.ReceivedAt))}) " +
            "VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING";
        return new InboxStatement(text,
            (RelationalTypeMapping)Property(nameof(InboxMessage.MessageId)).GetTypeMapping(),
            (RelationalTypeMapping)Property(nameof(InboxMessage.Consumer)).GetTypeMapping(),
            (RelationalTypeMapping)Property(nameof(InboxMessage.ReceivedAt)).GetTypeMapping());
    }
}
