using System.Data.Common;
using Npgsql;

namespace Orchestration.Faults.Tests;

/// <summary>Reads and the suite's own fault writes on the run's database; a read during a PostgreSQL restart is repeated.</summary>
internal sealed class FaultDatabase(string connectionString)
{
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<T>();
                while (await reader.ReadAsync())
                {
                    rows.Add(read(reader));
                }

                return rows;
            }
            catch (DbException) when (attempt < 120)
            {
                NpgsqlConnection.ClearAllPools();
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        (await QueryAsync(sql, r => r.GetInt64(0), parameters)).Single();

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                return await command.ExecuteNonQueryAsync();
            }
            catch (DbException) when (attempt < 120)
            {
                NpgsqlConnection.ClearAllPools();
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
