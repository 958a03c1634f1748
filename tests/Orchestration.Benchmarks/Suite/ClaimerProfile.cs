using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orchestration.FollowUps.Claiming;
using Orchestration.FollowUps.Options;
using Orchestration.FollowUps.Persistence;
using Orchestration.ServiceDefaults.Hosting;
using Orchestration.ServiceDefaults.Persistence;
using Orchestration.Testing.Infrastructure;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// <c>-- profile-claimer</c>: the follow-up claimer alone in this process (the module's context and claimer, no
/// host), firing 10,000 due deadlines: wall time, this process's CPU time and bytes allocated, and how much of the
/// wall time was spent waiting on database commands. CPU per reminder is the figure that other engineers' builds
/// on the machine disturb least.
/// </summary>
public static class ClaimerProfile
{
    public static async Task RunAsync(int rounds)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 10 }.ConnectionString;
        var commands = new CommandTimer();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(new HostSettings(OrchestrationProfile.Production, Path.GetTempPath(), DatabaseProvider.PostgreSql, connectionString, null, true));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<FollowUpsOptions>();
        services.AddModuleDbContext<FollowUpsDbContext, FollowUpsSqliteDbContext, FollowUpsPostgresDbContext>(FollowUpsDbContext.SchemaName);
        services.ConfigureDbContext<FollowUpsPostgresDbContext>(options => options.AddInterceptors(commands));
        services.AddSingleton<DeadlineClaimer>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FollowUpsDbContext>().Database.MigrateAsync();
        }

        var claimer = provider.GetRequiredService<DeadlineClaimer>();
        for (var round = 1; round <= rounds; round++)
        {
            await DeadlineReminders.SeedAsync(connectionString, "followups.\"Deadlines\"", DeadlineReminders.DueNow(), TimeProvider.System.GetUtcNow().AddDays(-30).AddSeconds(round));
            await using (var analyze = new NpgsqlConnection(connectionString))
            {
                await analyze.OpenAsync();
                await using var command = new NpgsqlCommand("ANALYZE followups.\"Deadlines\"", analyze);
                await command.ExecuteNonQueryAsync();
            }

            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            commands.Reset();
            var clock = Stopwatch.StartNew();
            var issued = await claimer.ClaimDueAsync(CancellationToken.None);
            var wall = clock.Elapsed;
            process.Refresh();
            Console.WriteLine(
                $"round {round}: {issued:#,0} issued in {wall.TotalSeconds:0.00} s; CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds:#,0} ms " +
                $"({(process.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / issued:0} µs per reminder); " +
                $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)issued / 1024:0.0} KB allocated per reminder; " +
                $"{commands.Count} database commands taking {commands.Elapsed.TotalSeconds:0.00} s; load {ResultsReport.LoadAverage()}");
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Wall time spent inside database commands (sent, executed, first result read).</summary>
    private sealed class CommandTimer : DbCommandInterceptor
    {
        private long _ticks;
        private int _count;

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public int Count => _count;

        public void Reset()
        {
            Interlocked.Exchange(ref _ticks, 0);
            Interlocked.Exchange(ref _count, 0);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Add(eventData.Duration);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Add(eventData.Duration);
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        private void Add(TimeSpan duration)
        {
            Interlocked.Add(ref _ticks, duration.Ticks);
            Interlocked.Increment(ref _count);
        }
    }
}
