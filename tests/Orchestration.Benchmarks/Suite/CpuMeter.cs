using System.Diagnostics;
using Npgsql;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// CPU seconds spent by this process, by the PostgreSQL backends serving one database and by RabbitMQ (beam.smp),
/// read from /proc (Linux; zero elsewhere). Per message it tells what a change saved even while other work loads the
/// machine and bends throughput. Of the host's, the part of the JIT's tiering thread (recompiling hot methods
/// optimized) is shown apart: it fades as a long-running host warms up, while a few thousand messages still pay it.
/// </summary>
internal sealed record CpuSample(TimeSpan Host, TimeSpan Tiering, IReadOnlyDictionary<int, TimeSpan> Backends, TimeSpan Broker, long Allocated, int Collections)
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
        return new CpuSample(Process.GetCurrentProcess().TotalProcessorTime, TieringThread(), backends, broker, GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
    }

    /// <summary>"host x ms, PostgreSQL y ms, RabbitMQ z ms of CPU per message" between two samples.</summary>
    public static string PerMessage(CpuSample before, CpuSample after, int messages)
    {
        var database = after.Backends.Sum(b => (b.Value - before.Backends.GetValueOrDefault(b.Key)).TotalMilliseconds);
        return $"CPU per message: host {(after.Host - before.Host).TotalMilliseconds / messages:F2} ms " +
            $"(of which JIT tiering {(after.Tiering - before.Tiering).TotalMilliseconds / messages:F2} ms), " +
            $"PostgreSQL {database / messages:F2} ms, RabbitMQ {(after.Broker - before.Broker).TotalMilliseconds / messages:F2} ms; " +
            $"host allocated {(after.Allocated - before.Allocated) / 1024.0 / messages:F0} KB, {after.Collections - before.Collections} GCs";
    }

    /// <summary>The share of the host's CPU between two samples that the JIT's tiering thread took.</summary>
    public static double TieringShare(CpuSample before, CpuSample after) =>
        after.Host > before.Host ? Math.Max(0, (after.Tiering - before.Tiering) / (after.Host - before.Host)) : 0;

    /// <summary>The CPU of this process's tiered-compilation thread (named ".NET Tiered Compilation Worker", cut to 15 characters).</summary>
    private static TimeSpan TieringThread()
    {
        try
        {
            return Directory.EnumerateDirectories("/proc/self/task")
                .Where(task => File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                .Aggregate(TimeSpan.Zero, (sum, task) => sum + Read(Path.Combine(task, "stat")));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }

    private static TimeSpan Read(int pid) => Read($"/proc/{pid}/stat");

    private static TimeSpan Read(string statFile)
    {
        try
        {
            var stat = File.ReadAllText(statFile);
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
