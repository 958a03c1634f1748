using Npgsql;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// <c>-- all</c>: every case of issue 16 that is built, one after another on fresh databases and virtual hosts
/// (dropped afterwards), then one table and a results JSON. A case that fails is reported in the table's notes and
/// the others still run.
/// </summary>
public static class SuiteRunner
{
    public static async Task<int> RunAsync(IReadOnlySet<string> only)
    {
        var load = ResultsReport.LoadAverage();
        Progress.Say($"Benchmark suite on {Environment.ProcessorCount} cores, load average {load}");
        var figures = new List<Figure>();
        var notes = new List<string>
        {
            "WorkflowCore's PostgreSQL provider (WorkflowCore.Persistence.PostgreSQL) is not served by the package mirror; the durable peer figure compares with WorkflowCore in memory.",
        };
        var failed = false;

        async Task CaseAsync(string key, string title, Func<Task<IReadOnlyList<Figure>>> run)
        {
            if (only.Count > 0 && !only.Contains(key))
            {
                return;
            }

            Progress.Say(title);
            try
            {
                figures.AddRange(await run());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed = true;
                notes.Add($"{title} failed: {ex.GetType().Name}: {ex.Message}");
                Progress.Say($"  FAILED: {ex}");
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
            }
        }

        await CaseAsync("throughput", "3/7 · durable throughput and allocations", async () =>
        {
            await using var runtime = await DurableRuntime.CreateAsync();
            return await DurableThroughput.RunAsync(runtime);
        });
        await CaseAsync("peer", "2 · peer: the approval workflow on WorkflowCore 3.22 and ours", async () =>
        {
            await using var runtime = await DurableRuntime.CreateAsync();
            return await PeerComparison.RunAsync(runtime);
        });
        await CaseAsync("floor", "1 · floor: plain consumer vs. our outbox/inbox", FloorComparison.RunAsync);
        await CaseAsync("scale", "4/5 · latency and scale with 1,000 / 10,000 / 100,000 suspended instances", ScaleAndLatency.RunAsync);
        await CaseAsync("deadlines", "6 · 10,000 due follow-up reminders fired by two claimer nodes at once", DeadlineReminders.RunAsync);

        var table = ResultsReport.Table(figures);
        Console.WriteLine();
        Console.WriteLine(table);
        foreach (var note in notes.Concat(figures.Where(f => f.Note is not null).Select(f => $"{f.Name}: {f.Note}")))
        {
            Console.WriteLine($"- {note}");
        }

        var path = await ResultsReport.WriteAsync(figures, load, Progress.Elapsed, notes);
        Progress.Say($"Results written to {path}");
        return failed ? 1 : 0;
    }
}
