using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Orchestration.Workflows.Persistence.Appending;

/// <summary>
/// Inserts rows that are written once and never changed in the same unit of work (journal lines, new activity
/// executions) beside EF Core's change tracker, inside the context's current transaction: on PostgreSQL the rows of
/// both tables in one round trip (unnest of array parameters), elsewhere batched multi-row INSERTs. Nothing is
/// tracked; the caller commits.
/// </summary>
internal static class AppendOnlyRows
{
    /// <summary>The rows of two tables (either list may be empty), in one round trip where the provider allows.</summary>
    public static async Task InsertAsync<TFirst, TSecond>(DbContext db, IReadOnlyList<TFirst> first, IReadOnlyList<TSecond> second,
        CancellationToken cancellationToken)
        where TFirst : class
        where TSecond : class
    {
        if (first.Count == 0 && second.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Append-only rows are written inside the unit of work's transaction.");
        (TableColumns Table, IReadOnlyList<object> Rows)[] tables = [(TableColumns.Of<TFirst>(db), first), (TableColumns.Of<TSecond>(db), second)];
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection postgres)
        {
            await PostgresUnnestInsert.WriteAsync(postgres, tables, cancellationToken);
            return;
        }

        foreach (var (table, rows) in tables.Where(t => t.Rows.Count > 0))
        {
            await MultiRowInsert.WriteAsync(connection, transaction.GetDbTransaction(), table, rows, cancellationToken);
        }
    }
}
