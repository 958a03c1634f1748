using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Orchestration.Workflows.Persistence.Appending;

/// <summary>
/// Rows into a table by one parameterised multi-row INSERT per chunk on the context's connection and transaction
/// (SQLite, or any provider without a COPY of its own); parameters are made by EF Core's type mappings, so values
/// are converted and typed as a SaveChanges would.
/// </summary>
internal static class MultiRowInsert
{
    /// <summary>SQLite's historical limit on parameters per statement; any newer build allows more.</summary>
    private const int MaxParameters = 999;

    public static async Task WriteAsync(DbConnection connection, DbTransaction? transaction, TableColumns table, IReadOnlyList<object> rows,
        CancellationToken cancellationToken)
    {
        var perStatement = Math.Max(1, MaxParameters / table.Columns.Count);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO ").Append(table.Name).Append(" (").Append(table.ColumnList).Append(") VALUES ");
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    var name = "@p" + (r * table.Columns.Count + c).ToString(CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.ValueOf(rows[start + r])));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
