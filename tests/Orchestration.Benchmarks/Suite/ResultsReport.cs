using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestration.Benchmarks.Suite;

/// <summary>Prints the one table of the run and writes it, with the machine and commit, as results JSON.</summary>
public static class ResultsReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Table(IReadOnlyList<Figure> figures)
    {
        var rows = figures.Select(f => new[]
        {
            f.Item, f.Name, $"{Format(f.Value)} {f.Unit}", f.Baseline is { } b ? $"{Format(b)} ({f.BaselineName})" : f.BaselineName,
            f.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "–", f.Target,
            f.Met switch { true => "met", false => $"MISSED{(f.Shortfall is null ? "" : ": " + f.Shortfall)}", null => "n/a" },
        }).ToList();
        string[] header = ["#", "figure", "value", "baseline (same run)", "ratio", "target", "result"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))) + " |");
        }

        return text.ToString();
    }

    public static async Task<string> WriteAsync(IReadOnlyList<Figure> figures, string loadBefore, TimeSpan duration, IReadOnlyList<string> notes)
    {
        var now = DateTimeOffset.UtcNow;
        var document = new
        {
            date = now.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            commit = Git("rev-parse HEAD"),
            dirty = Git("status --porcelain").Length > 0,
            machine = new
            {
                name = Environment.MachineName,
                cores = Environment.ProcessorCount,
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
                cpu = CpuModel(),
                loadAverageAtStart = loadBefore,
                loadAverageAtEnd = LoadAverage(),
            },
            durationSeconds = Math.Round(duration.TotalSeconds),
            figures = figures.Select(f => new
            {
                f.Item,
                f.Name,
                value = Math.Round(f.Value, 3),
                f.Unit,
                baseline = f.Baseline is { } b ? Math.Round(b, 3) : (double?)null,
                f.BaselineName,
                ratio = f.Ratio is { } r ? Math.Round(r, 3) : (double?)null,
                f.Target,
                f.Met,
                f.Shortfall,
                f.Note,
            }),
            notes,
        };
        var directory = Path.Combine(RepositoryRoot(), "tests", "Orchestration.Benchmarks", "results");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"results-{now:yyyyMMdd-HHmm}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
        await File.WriteAllTextAsync(Path.Combine(directory, "latest.json"), JsonSerializer.Serialize(document, Json));
        return path;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Format(double value) => value switch
    {
        >= 100 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private static string CpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
        : "unknown";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orchestration.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryRoot(),
            })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
