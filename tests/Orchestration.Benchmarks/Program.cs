using BenchmarkDotNet.Running;
using Orchestration.Benchmarks;
using Orchestration.Benchmarks.Suite;

if (args.Length > 0 && args[0] == "all")
{
    // "all" alone runs every case; "all peer floor" only those named (throughput, peer, floor, scale, deadlines).
    return await SuiteRunner.RunAsync(args.Skip(1).ToHashSet(StringComparer.OrdinalIgnoreCase));
}

if (args.Length > 0 && args[0] == "profile")
{
    await AllocationProfile.RunAsync(runs: 200);
    return 0;
}

if (args.Length > 0 && args[0] == "profile-peer")
{
    await PeerProfile.RunAsync(instances: 600, concurrency: 16, logCommands: args.Contains("log"));
    return 0;
}

if (args.Length > 0 && args[0] == "profile-claimer")
{
    await ClaimerProfile.RunAsync(rounds: 3);
    return 0;
}

if (args.Length > 0 && args[0] == "messaging")
{
    await MessagingThroughput.RunAsync(
        count: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000,
        rounds: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(WorkflowThroughputBenchmarks).Assembly).Run(args);
return 0;
