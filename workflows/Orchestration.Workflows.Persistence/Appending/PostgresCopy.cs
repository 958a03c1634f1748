using Npgsql;

namespace Orchestration.Workflows.Persistence.Appending;

/// <summary>
/// Rows into a PostgreSQL table by binary COPY on the context's own connection, so inside its transaction: no
/// parameter objects and no SQL text per row, which is what EF Core's insert path spends most of a burst's bytes on.
/// </summary>
internal static class PostgresCopy
{
    public static async Task WriteAsync(NpgsqlConnection connection, TableColumns table, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (column.ProviderValueOf(row) is { } value)
                {
                    // The column's own store type (e.g. "character varying(64)"), as EF Core would declare the parameter.
                    await importer.WriteAsync(value, column.Mapping.StoreType, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
