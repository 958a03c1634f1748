using System.Diagnostics;
using Npgsql;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// CPU seconds spent by this process, by the PostgreSQL backends serving one database and by RabbitMQ (beam.smp),
/// read from /proc (Linux; zero elsewhere). Per message it tells what a change saved even while other work loads the
/// machine and bends throughput.
/// </summary>
internal sealed record CpuSample(TimeSpan Host, IReadOnlyDictionary<int, TimeSpan> Backends, TimeSpan Broker, long Allocated, int Collections)
{
    private static readonly double TicksPerSecond = 100;

    public static async Task<CpuSample> TakeAsync(string connectionString)
    {
        var backends = new Dictionary<int, TimeSpan>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var pid = reader.GetInt32(0);
                backends[pid] = Read(pid);
            }
        }

        var broker = Process.GetProcessesByName("beam.smp").Aggregate(TimeSpan.Zero, (sum, p) => sum + Read(p.Id));
        return new CpuSample(Process.GetCurrentProcess().TotalProcessorTime, backends, broker, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0));
    }

    /// <summary>"host x ms, PostgreSQL y ms, RabbitMQ z ms of CPU per message" between two samples.</summary>
    public static string PerMessage(CpuSample before, CpuSample after, int messages)
    {
        var database = after.Backends.Sum(b => (b.Value - before.Backends.GetValueOrDefault(b.Key)).TotalMilliseconds);
        return $"CPU per message: host {(after.Host - before.Host).TotalMilliseconds / messages:F2} ms, " +
            $"PostgreSQL {database / messages:F2} ms, RabbitMQ {(after.Broker - before.Broker).TotalMilliseconds / messages:F2} ms; " +
            $"host allocated {(after.Allocated - before.Allocated) / 1024.0 / messages:F0} KB, {after.Collections - before.Collections} GCs";
    }

    private static TimeSpan Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th, stime the 13th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }
}
