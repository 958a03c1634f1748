using BenchmarkDotNet.Running;
using Orchestration.Benchmarks;

if (args.Length > 0 && args[0] == "messaging")
{
    await MessagingThroughput.RunAsync(
        count: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000,
        rounds: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(WorkflowThroughputBenchmarks).Assembly).Run(args);
