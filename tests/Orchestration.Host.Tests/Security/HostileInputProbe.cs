using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestration.Testing.Hosting;

namespace Orchestration.Host.Tests.Security;

/// <summary>
/// Sends hostile requests to a host and judges each answer: below 500, a ProblemDetails for an error, no stack
/// trace, file path or SQL in the body, and a /health/ready that answers in time while the request runs.
/// </summary>
internal sealed partial class HostileInputProbe(TestHost host)
{
    private static readonly TimeSpan HealthBudget = TimeSpan.FromSeconds(5);

    public List<string> Failures { get; } = [];

    public TimeSpan WorstHealth { get; private set; }

    public int Requests { get; private set; }

    public Dictionary<int, int> StatusCounts { get; } = [];

    /// <summary>Sends the request with a health probe running beside it; returns the status and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, HttpRequestMessage request, string what, bool errorExpected = true)
    {
        using var health = host.CreateClient();
        var call = client.SendAsync(request);
        var watch = Stopwatch.StartNew();
        var ready = await health.GetAsync("/health/ready");
        var healthTime = watch.Elapsed;
        HttpResponseMessage response;
        try
        {
            response = await call;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Failures.Add($"{what}: no answer ({ex.GetType().Name}: {ex.Message})");
            return (0, "");
        }

        using (response)
        {
            Requests++;
            WorstHealth = healthTime > WorstHealth ? healthTime : WorstHealth;
            if (ready.StatusCode != HttpStatusCode.OK || healthTime > HealthBudget)
            {
                Failures.Add($"{what}: /health/ready answered {(int)ready.StatusCode} after {healthTime.TotalMilliseconds:0} ms");
            }

            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            StatusCounts[status] = StatusCounts.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                Failures.Add($"{what}: {status} {Shorten(body)}");
            }
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                Failures.Add($"{what}: {status} without a ProblemDetails ({response.Content.Headers.ContentType?.MediaType ?? "no body"})");
            }
            else if (errorExpected && status < 400)
            {
                Failures.Add($"{what}: accepted with {status}");
            }

            if (Leak().Match(body) is { Success: true } leak)
            {
                Failures.Add($"{what}: the answer reveals '{leak.Value}': {Shorten(body)}");
            }

            return (response.StatusCode, body);
        }
    }

    /// <summary>Rows per table of every SQLite database of the host's data folder.</summary>
    public async Task<SortedDictionary<string, long>> SnapshotAsync()
    {
        var folder = host.Services.GetRequiredService<IConfiguration>()["Orchestration:DataFolder"]!;
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.db", SearchOption.AllDirectories))
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts[$"{Path.GetFileName(file)}:{table}"] = (long)(await count.ExecuteScalarAsync())!;
            }
        }

        return counts;
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] : body;

    // A .NET stack frame, a source or server path, or SQL/SQLite/Npgsql text.
    [GeneratedRegex(@"\bat [A-Z][\w.]+\.[\w<>]+\(|/work/|/home/|/tmp/|/root/|\.cs:line|stackTrace|SQLite Error|Npgsql|\bSELECT\b .*\bFROM\b|\bINSERT INTO\b")]
    private static partial Regex Leak();
}
