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
/// PostgreSQL; at each size, events for instances picked at random are triggered one after another through the
/// runtime (bookmark found by event and correlation, instance locked, resumed, decided, saved) and timed until the
/// burst is committed, which is where the next command would be staged in the outbox. The instances are cloned
/// from one the runtime suspended, in batched INSERT … SELECT statements, so 100,000 fit in the time.
/// </summary>
public static class ScaleAndLatency
{
    private const int Samples = 300;
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        await using var runtime = await DurableRuntime.CreateAsync();
        var template = await runtime.WithRuntimeAsync(r =>
            r.StartAsync("approval", VersionOptions.Published, new StartWorkflowOptions { CorrelationId = "template-correlation" }, CancellationToken.None));
        var bookmark = template.State.Bookmarks.Single().Id;
        var results = new List<(int Size, List<double> Latencies, double BytesPerInstance, long WorkingSet)>();
        var created = 0;
        var used = new HashSet<int>(); // a resumed clone has finished: never pick it again
        foreach (var size in Sizes)
        {
            Progress.Say($"  scale: cloning suspended instances up to {size:#,0}");
            created = await CloneAsync(runtime.ConnectionString, template.State.Id, bookmark, created, size);
            await ExecuteAsync(runtime.ConnectionString, "ANALYZE workflows.\"WorkflowInstances\"; ANALYZE workflows.\"Bookmarks\"");
            var bytes = await BytesPerSuspendedInstanceAsync(runtime.ConnectionString);
            Progress.Say($"  scale: {Samples} events, one at a time, among {size:#,0} suspended instances");
            var picks = new List<int>();
            while (picks.Count < Samples + 10)
            {
                var pick = Random.Shared.Next(1, created + 1);
                if (used.Add(pick))
                {
                    picks.Add(pick);
                }
            }

            var latencies = new List<double>();
            foreach (var (pick, index) in picks.Select((p, i) => (p, i)))
            {
                var clock = Stopwatch.StartNew();
                var resumed = await runtime.WithRuntimeAsync(r => r.TriggerEventAsync(BenchmarkDefinitions.ApprovalEvent, CorrelationOf(pick), null,
                    new JsonObject { ["amount"] = 150 }, CancellationToken.None));
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (resumed.Count != 1 || resumed[0].State.Status != WorkflowStatus.Finished)
                {
                    throw new InvalidOperationException($"An approval event resumed {resumed.Count} instance(s) instead of finishing one.");
                }

                if (index >= 10)
                {
                    latencies.Add(elapsed); // the first ten warm the plans of this size
                }
            }

            results.Add((size, latencies, bytes, Process.GetCurrentProcess().WorkingSet64));
        }

        var first = results[0];
        var figures = new List<Figure>();
        foreach (var (size, latencies, bytes, workingSet) in results)
        {
            var p50 = Latencies.Percentile(latencies, 50);
            var baseP50 = Latencies.Percentile(first.Latencies, 50);
            var isLast = size == Sizes[^1];
            var within = Math.Abs(p50 / baseP50 - 1) <= 0.2;
            figures.Add(new Figure("5", $"resume latency p50, {size:#,0} suspended", p50, "ms", "1,000 suspended", size == first.Size ? null : baseP50,
                isLast ? "within ± 20 % of 1,000" : "–", isLast ? within : null,
                isLast && !within ? $"{(p50 / baseP50 - 1) * 100:+0;-0} % instead of ± 20 %" : null,
                $"throughput one at a time {1000 / latencies.Average():0} resumes/s; host working set {workingSet / 1024 / 1024} MB"));
            var baseBytes = first.BytesPerInstance;
            var flat = bytes / baseBytes <= 1.2;
            figures.Add(new Figure("5", $"DB bytes per suspended instance, {size:#,0}", bytes, "B", "1,000 suspended", size == first.Size ? null : baseBytes,
                isLast ? "flat (≤ 1.2 × at 1,000)" : "–", isLast ? flat : null, isLast && !flat ? $"{bytes / baseBytes:0.00}× instead of ≤ 1.2×" : null,
                "instance and bookmark rows with their indexes and TOAST"));
        }

        var top = results[^1];
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
