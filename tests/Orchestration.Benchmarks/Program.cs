using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Orchestration.Benchmarks.WorkflowThroughputBenchmarks).Assembly).Run(args);
