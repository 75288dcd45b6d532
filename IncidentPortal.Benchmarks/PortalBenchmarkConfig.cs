using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// One call per iteration, so the percentiles are those of single requests (what an agent waits for), not of
/// averages. In-process: the app needs no separate build per benchmark, and a run takes a few minutes.
/// </summary>
public sealed class PortalBenchmarkConfig : ManualConfig
{
    public PortalBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(10)
            .WithIterationCount(100)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("OneCallPerIteration"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max, StatisticColumn.OperationsPerSecond);
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
