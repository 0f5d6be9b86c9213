// Run: dotnet run -c Release --project tests/CxLive.Benchmarks -- --filter '*Window*' (or *Sketch*, or --job short).
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CxLive.Benchmarks.IngestParseBenchmarks).Assembly).Run(args);
