using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Orchestration.Testing.Hosting;

/// <summary>
/// The host executable started as a separate process (as an operator would start it), with a clean environment
/// plus the settings given, its output captured for assertions and diagnostics.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private static readonly string[] InheritedPrefixesToDrop =
        ["Orchestration__", "ConnectionStrings__", "Modules__", "Auth__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "Urls", "OTEL_"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private HostProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public IReadOnlyList<string> StandardError => [.. _stderr];

    public string AllOutput => string.Join('\n', _stdout.Concat(_stderr));

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryPaths.HostDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => InheritedPrefixesToDrop.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { host._stdout.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { host._stderr.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the process to end on its own; fails the test if it is still running after the timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The host did not exit within {timeout}. Output:\n{AllOutput}");
        }

        // WaitForExitAsync returns once the output streams are drained too.
        return _process.ExitCode;
    }

    /// <summary>
    /// For a host started on port 0: reads the address it announces, then waits until it is ready. Letting the OS
    /// pick the port avoids two parallel tests racing for one "free" port.
    /// </summary>
    public async Task<Uri> WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Uri? address = null;
        while (address is null && clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it listened. Output:\n{AllOutput}");
            }

            var match = _stdout.Select(line => ListeningOn().Match(line)).FirstOrDefault(m => m.Success);
            address = match is null ? null : new Uri(match.Groups[1].Value);
            if (address is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        if (address is null)
        {
            throw new TimeoutException($"The host announced no address within {timeout}. Output:\n{AllOutput}");
        }

        (await WaitUntilReadyAsync(address, timeout - clock.Elapsed)).Dispose();
        return address;
    }

    [GeneratedRegex("""Now listening on: \\?"?(http://[0-9.]+:[0-9]+)""")]
    private static partial Regex ListeningOn();

    /// <summary>Polls /health/ready until it answers 200; fails early if the process exits.</summary>
    public async Task<HttpResponseMessage> WaitUntilReadyAsync(Uri baseAddress, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was ready. Output:\n{AllOutput}");
            }

            try
            {
                var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                last = "request timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"The host was not ready within {timeout} (last: {last}). Output:\n{AllOutput}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
