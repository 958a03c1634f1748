using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;
using Orchestration.Workflows.Definitions;
using Orchestration.Workflows.Engine;
using Orchestration.Workflows.Model;
using Orchestration.Workflows.State;

namespace Orchestration.Benchmarks.Suite;

/// <summary>
/// Items 4 and 5: 1,000, 10,000 and 100,000 approval instances suspended on their event, each with its bookmark in
/// PostgreSQL; events for instances picked at random are triggered one after another through the runtime (bookmark
/// found by event and correlation, instance locked, resumed, decided, saved) and timed until the burst is committed,
/// which is where the next command would be staged in the outbox. Each size is a database of its own, and the sizes
/// are measured in interleaved rounds after a common warm-up: measured one after the other, the first size paid the
/// process's and the server's warm-up and the last one the drift of the machine (1,000 → 100,000 came out −27 % in
/// one run and +24 % in another). The instances are cloned from one the runtime suspended, in batched INSERT …
/// SELECT statements, so 100,000 fit in the time.
/// </summary>
public static class ScaleAndLatency
{
    private const int Rounds = 6;
    private const int EventsPerRound = 50;
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var populations = new List<Population>();
        try
        {
            foreach (var size in Sizes)
            {
                Progress.Say($"  scale: {size:#,0} suspended instances in a database of their own");
                populations.Add(await Population.CreateAsync(size));
            }

            await WarmUp.RunAsync("events among every size", async () =>
            {
                foreach (var population in populations)
                {
                    await population.TriggerAsync(5, measured: false);
                }
            });
            for (var round = 1; round <= Rounds; round++)
            {
                Progress.Say($"  scale: round {round} of {Rounds}, {EventsPerRound} events one at a time per size");
                foreach (var population in populations)
                {
                    await population.TriggerAsync(EventsPerRound, measured: true);
                }
            }

            return Figures(populations, Process.GetCurrentProcess().WorkingSet64);
        }
        finally
        {
            foreach (var population in populations)
            {
                await population.DisposeAsync();
            }
        }
    }

    private static List<Figure> Figures(List<Population> populations, long workingSet)
    {
        var first = populations[0];
        var figures = new List<Figure>();
        foreach (var population in populations)
        {
            var (size, latencies, bytes) = (population.Size, population.Latencies, population.BytesPerInstance);
            var p50 = Latencies.Percentile(latencies, 50);
            var baseP50 = Latencies.Percentile(first.Latencies, 50);
            var isLast = population == populations[^1];
            var within = Math.Abs(p50 / baseP50 - 1) <= 0.2;
            figures.Add(new Figure("5", $"resume latency p50, {size:#,0} suspended", p50, "ms", "1,000 suspended", population == first ? null : baseP50,
                isLast ? "within ± 20 % of 1,000" : "–", isLast ? within : null,
                isLast && !within ? $"{(p50 / baseP50 - 1) * 100:+0;-0} % instead of ± 20 %" : null,
                $"{latencies.Count} events in {Rounds} rounds interleaved with the other sizes; one at a time {1000 / latencies.Average():0} resumes/s; " +
                $"host working set {workingSet / 1024 / 1024} MB with all three sizes loaded"));
            var baseBytes = first.BytesPerInstance;
            var flat = bytes / baseBytes <= 1.2;
            figures.Add(new Figure("5", $"DB bytes per suspended instance, {size:#,0}", bytes, "B", "1,000 suspended", population == first ? null : baseBytes,
                isLast ? "flat (≤ 1.2 × at 1,000)" : "–", isLast ? flat : null, isLast && !flat ? $"{bytes / baseBytes:0.00}× instead of ≤ 1.2×" : null,
                "instance and bookmark rows with their indexes and TOAST"));
        }

        var top = populations[^1];
        var p99 = Latencies.Percentile(top.Latencies, 99);
        figures.Add(new Figure("4", $"event → next burst committed p50, {top.Size:#,0} suspended", Latencies.Percentile(top.Latencies, 50), "ms",
            "1,000 suspended", Latencies.Percentile(first.Latencies, 50), "–", null));
        figures.Add(new Figure("4", $"event → next burst committed p95, {top.Size:#,0} suspended", Latencies.Percentile(top.Latencies, 95), "ms",
            "1,000 suspended", Latencies.Percentile(first.Latencies, 95), "–", null));
        figures.Add(new Figure("4", $"event → next burst committed p99, {top.Size:#,0} suspended", p99, "ms",
            "1,000 suspended", Latencies.Percentile(first.Latencies, 99), "≤ 50 ms", p99 <= 50, p99 <= 50 ? null : $"{p99 - 50:0.0} ms over",
            "in process: runtime.TriggerEventAsync to commit; the RabbitMQ hops of a service event are item 1's figures"));
        return figures;
    }

    /// <summary>One size: its database with the suspended clones, the clones already resumed, and the latencies measured.</summary>
    private sealed class Population : IAsyncDisposable
    {
        private readonly DurableRuntime _runtime;
        private readonly HashSet<int> _used = []; // a resumed clone has finished: never pick it again

        private Population(DurableRuntime runtime, int size, double bytesPerInstance)
        {
            _runtime = runtime;
            Size = size;
            BytesPerInstance = bytesPerInstance;
        }

        public int Size { get; }

        public double BytesPerInstance { get; }

        public List<double> Latencies { get; } = [];

        public static async Task<Population> CreateAsync(int size)
        {
            var runtime = await DurableRuntime.CreateAsync();
            var template = await runtime.WithRuntimeAsync(r =>
                r.StartAsync("approval", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "template-correlation" }, CancellationToken.None));
            await CloneAsync(runtime.ConnectionString, template.State.Id, template.State.Bookmarks.Single().Id, 0, size);
            await ExecuteAsync(runtime.ConnectionString, "ANALYZE workflows.\"WorkflowInstances\"; ANALYZE workflows.\"Bookmarks\"");
            return new Population(runtime, size, await BytesPerSuspendedInstanceAsync(runtime.ConnectionString));
        }

        /// <summary>Triggers the event of <paramref name="count"/> clones not resumed before, one at a time.</summary>
        public async Task TriggerAsync(int count, bool measured)
        {
            for (var i = 0; i < count; i++)
            {
                if (_used.Count == Size)
                {
                    throw new InvalidOperationException($"Every one of the {Size:#,0} clones has been resumed; the case needs fewer events.");
                }

                int pick;
                do
                {
                    pick = Random.Shared.Next(1, Size + 1);
                }
                while (!_used.Add(pick));

                var clock = Stopwatch.StartNew();
                var resumed = await _runtime.WithRuntimeAsync(r => r.TriggerEventAsync(BenchmarkDefinitions.ApprovalEvent, CorrelationOf(pick), null,
                    new JsonObject { ["amount"] = 150 }, CancellationToken.None));
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (resumed.Count != 1 || resumed[0].State.Status != WorkflowStatus.Finished)
                {
                    throw new InvalidOperationException($"An approval event resumed {resumed.Count} instance(s) instead of finishing one.");
                }

                if (measured)
                {
                    Latencies.Add(elapsed);
                }
            }
        }

        public ValueTask DisposeAsync() => _runtime.DisposeAsync();
    }

    private static string CorrelationOf(int clone) => $"clone-{clone}";

    /// <summary>Copies the template instance and its bookmark into clones <paramref name="from"/>+1 … <paramref name="to"/>, new ids in row and state.</summary>
    private static async Task<int> CloneAsync(string connectionString, string instanceId, string bookmarkId, int from, int to)
    {
        var instanceColumns = await ColumnsAsync(connectionString, "WorkflowInstances");
        var bookmarkColumns = await ColumnsAsync(connectionString, "Bookmarks");
        string NewInstance() => "('clone-i-' || g)";
        string NewBookmark() => "('clone-b-' || g)";
        string Correlation() => "('clone-' || g)";
        string InstanceExpression(string column) => column switch
        {
            "Id" => NewInstance(),
            "CorrelationId" => Correlation(),
            "State" => $"replace(replace(replace(t.\"State\", @instance, {NewInstance()}), @bookmark, {NewBookmark()}), 'template-correlation', {Correlation()})",
            _ => $"t.\"{column}\"",
        };
        string BookmarkExpression(string column) => column switch
        {
            "Id" => NewBookmark(),
            "WorkflowInstanceId" => NewInstance(),
            "CorrelationId" => Correlation(),
            _ => $"t.\"{column}\"",
        };
        const int batch = 25_000;
        for (var start = from + 1; start <= to; start += batch)
        {
            var end = Math.Min(to, start + batch - 1);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var (table, columns, expression, key) in new[]
                {
                    ("WorkflowInstances", instanceColumns, (Func<string, string>)InstanceExpression, "Id"),
                    ("Bookmarks", bookmarkColumns, BookmarkExpression, "Id"),
                })
            {
                var sql = $"INSERT INTO workflows.\"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                    $"SELECT {string.Join(", ", columns.Select(expression))} FROM workflows.\"{table}\" t, generate_series(@from, @to) g " +
                    $"WHERE t.\"{key}\" = @{(table == "Bookmarks" ? "bookmark" : "instance")}";
                await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
                command.Parameters.AddWithValue("instance", instanceId);
                command.Parameters.AddWithValue("bookmark", bookmarkId);
                command.Parameters.AddWithValue("from", start);
                command.Parameters.AddWithValue("to", end);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return to;
    }

    private static async Task<List<string>> ColumnsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'workflows' AND table_name = @table ORDER BY ordinal_position", connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static async Task<double> BytesPerSuspendedInstanceAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (pg_total_relation_size('workflows.\"WorkflowInstances\"') + pg_total_relation_size('workflows.\"Bookmarks\"'))::float8 " +
            "/ (SELECT count(*) FROM workflows.\"WorkflowInstances\" WHERE \"Status\" <> 'Finished')", connection);
        return (double)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
