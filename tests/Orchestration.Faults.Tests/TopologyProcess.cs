using System.Diagnostics;
using Orchestration.Testing.Hosting;

namespace Orchestration.Faults.Tests;

/// <summary>
/// One host process of the production topology (one module, or one workflow-engine node) on a fixed loopback port,
/// so its clients keep their address across a SIGKILL and a restart.
/// </summary>
internal sealed class TopologyProcess(string name, string module, int port, IReadOnlyDictionary<string, string> environment) : IAsyncDisposable
{
    private HostProcess? _process;

    public string Name { get; } = name;

    public string Module { get; } = module;

    public Uri Address { get; } = new($"http://127.0.0.1:{port}");

    /// <summary>Everything the process wrote in its lifetimes so far (kept across restarts, for a failing run's report).</summary>
    public List<string> EarlierOutput { get; } = [];

    public string Output => string.Join('\n', EarlierOutput.Append(_process?.AllOutput ?? ""));

    public async Task StartAsync(TimeSpan timeout)
    {
        _process = HostProcess.Start(Path.GetTempPath(), environment);
        (await _process.WaitUntilReadyAsync(Address, timeout)).Dispose();
    }

    /// <summary>SIGKILL (Process.Kill on Linux): no shutdown hook runs, in-flight work and open transactions die with it.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            EarlierOutput.Add(process.AllOutput);
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Kills the process, starts it again after <paramref name="down"/> and returns how long from the kill until it answered /health/ready.</summary>
    public async Task<TimeSpan> KillAndRestartAsync(TimeSpan timeout, TimeSpan down)
    {
        var clock = Stopwatch.StartNew();
        await KillAsync();
        await Task.Delay(down);
        await StartAsync(timeout);
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
