using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Orchestration.Workflows.Persistence.Appending;

/// <summary>
/// Rows written beside EF Core's change tracker, inside the context's current transaction: rows that are only ever
/// inserted in a unit of work (journal lines, new activity executions) and rows replaced whole (an instance's
/// bookmarks: deleted by key, then inserted). On PostgreSQL every delete and insert goes in one round trip (one batch;
/// inserts as unnest of array parameters), elsewhere as plain DELETEs and batched multi-row INSERTs. Nothing is
/// tracked; the caller commits.
/// </summary>
internal sealed class AppendOnlyRows(DbContext db)
{
    private readonly List<(TableColumns Table, TableColumn Key, IReadOnlyList<string> Keys)> _deletes = [];
    private readonly List<(TableColumns Table, IReadOnlyList<object> Rows)> _inserts = [];

    /// <summary>Deletes, before any insert, every row of <typeparamref name="TRow"/> whose <paramref name="property"/> is one of <paramref name="keys"/>.</summary>
    public AppendOnlyRows DeleteWhere<TRow>(string property, IReadOnlyList<string> keys)
        where TRow : class
    {
        var table = TableColumns.Of<TRow>(db);
        if (keys.Count > 0)
        {
            _deletes.Add((table, table.Column(property), keys));
        }

        return this;
    }

    public AppendOnlyRows Insert<TRow>(IReadOnlyList<TRow> rows)
        where TRow : class
    {
        if (rows.Count > 0)
        {
            _inserts.Add((TableColumns.Of<TRow>(db), rows));
        }

        return this;
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_deletes.Count == 0 && _inserts.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Rows beside the change tracker are written inside the unit of work's transaction.");
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection postgres)
        {
            await WritePostgresAsync(postgres, cancellationToken);
            return;
        }

        foreach (var (table, key, keys) in _deletes)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            var names = keys.Select((k, i) => AddParameter(command, key, "@k" + i.ToString(CultureInfo.InvariantCulture), k)).ToList();
            command.CommandText = $"DELETE FROM {table.Name} WHERE {key.Name} IN ({string.Join(", ", names)})";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (table, rows) in _inserts)
        {
            await MultiRowInsert.WriteAsync(connection, transaction.GetDbTransaction(), table, rows, cancellationToken);
        }
    }

    /// <summary>
    /// One batch: the deletes, then one <c>INSERT … SELECT * FROM unnest(…)</c> per table with each column as one typed
    /// array parameter. Binary COPYs took two round trips per table (the server accepts the copy, then completes it).
    /// </summary>
    private async Task WritePostgresAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        foreach (var (table, key, keys) in _deletes)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = $"DELETE FROM {table.Name} WHERE {key.Name} = ANY($1)";
            command.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray() });
            batch.BatchCommands.Add(command);
        }

        foreach (var (table, rows) in _inserts)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = table.UnnestInsert;
            foreach (var column in table.Columns)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = column.ProviderValuesOf(rows) });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string AddParameter(DbCommand command, TableColumn column, string name, object value)
    {
        command.Parameters.Add(column.Mapping.CreateParameter(command, name, value));
        return name;
    }
}
