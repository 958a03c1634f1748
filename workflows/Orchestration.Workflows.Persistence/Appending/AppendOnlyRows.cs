using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Orchestration.Workflows.Persistence.Appending;

/// <summary>
/// Inserts rows that are written once and never changed in the same unit of work (journal lines, new activity
/// executions) beside EF Core's change tracker, inside the context's current transaction: binary COPY on
/// PostgreSQL, batched multi-row INSERTs elsewhere. Nothing is tracked; the caller commits.
/// </summary>
internal static class AppendOnlyRows
{
    public static async Task InsertAsync<TRow>(DbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Append-only rows are written inside the unit of work's transaction.");
        var table = TableColumns.Of<TRow>(db);
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection postgres)
        {
            await PostgresCopy.WriteAsync(postgres, table, rows, cancellationToken);
        }
        else
        {
            await MultiRowInsert.WriteAsync(connection, transaction.GetDbTransaction(), table, rows, cancellationToken);
        }
    }
}
