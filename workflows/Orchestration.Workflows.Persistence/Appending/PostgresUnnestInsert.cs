using Npgsql;

namespace Orchestration.Workflows.Persistence.Appending;

/// <summary>
/// Rows of several tables into PostgreSQL in one round trip: a batch with one <c>INSERT … SELECT * FROM unnest(…)</c>
/// per table, each column sent as one typed array parameter. Two binary COPYs took four round trips per burst (each
/// waits for the server to accept the copy, then for its completion); this takes one, still with no parameter object
/// and no SQL text per row. Runs on the context's connection, so inside its transaction.
/// </summary>
internal static class PostgresUnnestInsert
{
    public static async Task WriteAsync(NpgsqlConnection connection, IEnumerable<(TableColumns Table, IReadOnlyList<object> Rows)> tables,
        CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        foreach (var (table, rows) in tables.Where(t => t.Rows.Count > 0))
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = table.UnnestInsert;
            foreach (var column in table.Columns)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = column.ProviderValuesOf(rows) });
            }

            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
