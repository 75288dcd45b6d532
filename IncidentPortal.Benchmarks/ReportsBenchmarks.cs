using BenchmarkDotNet.Attributes;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// Each Reports section for the last 90 days (about 12,000 incidents reported, and the previous 90 days for the trend)
/// on 100,000 incidents, as a manager, at the service level. Target: p95 &lt; 300 ms per section on SQLite and on PostgreSQL.
/// </summary>
[Config(typeof(PortalBenchmarkConfig))]
public class ReportsBenchmarks
{
    private const string Name = "reports";
    private BenchmarkPortal portal = null!;
    private ReportsService reports = null!;
    private Actor manager = null!;
    private ReportFilter filter = null!;

    [GlobalSetup]
    public void Setup()
    {
        // BENCH_POSTGRES: a PostgreSQL database seeded by `seed-incidents 100000` (README); otherwise a SQLite copy.
        var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
        var connectionString = string.IsNullOrEmpty(postgres) ? BenchmarkDatabase.WorkingCopy(Name) : postgres;
        var dataDirectory = string.IsNullOrEmpty(postgres) ? Path.GetDirectoryName(connectionString["Data Source=".Length..])! : Path.GetTempPath();
        portal = BenchmarkPortal.Open(connectionString, dataDirectory, b => b.AddReports());
        reports = portal.Services.GetRequiredService<ReportsService>();
        manager = portal.ActorAsync("manager@demo.local", isAgent: true).GetAwaiter().GetResult() with { IsIncidentManager = true };
        filter = ReportFilter.ForPreset(ReportPreset.Last90Days, ReportFilter.Today(DateTime.UtcNow, TimeZoneInfo.Utc), "Europe/London");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        portal.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("BENCH_POSTGRES"))) BenchmarkDatabase.DeleteWorkingCopy(Name);
    }

    [Benchmark(Description = "Reports: volume, last 90 days")]
    public Task<VolumeReport> Volume() => reports.VolumeAsync(manager, filter);

    [Benchmark(Description = "Reports: speed (MTTA/MTTR), last 90 days")]
    public Task<SpeedReport> Speed() => reports.SpeedAsync(manager, filter);

    [Benchmark(Description = "Reports: SLA, last 90 days")]
    public Task<SlaReport> Sla() => reports.SlaAsync(manager, filter);

    [Benchmark(Description = "Reports: quality, last 90 days")]
    public Task<QualityReport> Quality() => reports.QualityAsync(manager, filter);

    [Benchmark(Description = "Reports: people, last 90 days")]
    public Task<PeopleReport> People() => reports.PeopleAsync(manager, filter);

    /// <summary>What the page asks for: every section at once, each on the thread pool as the page runs them.</summary>
    [Benchmark(Description = "Reports: all five sections at once (the page)")]
    public Task Page() => Task.WhenAll(
        Task.Run(() => reports.VolumeAsync(manager, filter)), Task.Run(() => reports.SpeedAsync(manager, filter)),
        Task.Run(() => reports.SlaAsync(manager, filter)), Task.Run(() => reports.QualityAsync(manager, filter)),
        Task.Run(() => reports.PeopleAsync(manager, filter)));
}
