using BenchmarkDotNet.Attributes;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// The agents' queue and incident creation, at the service level, on 100,000 incidents (a fifth of them open).
/// Targets: first page and filtered view p95 &lt; 50 ms, text search &lt; 100 ms.
/// </summary>
[Config(typeof(PortalBenchmarkConfig))]
public class QueueBenchmarks
{
    private const string Name = "queue";
    private BenchmarkPortal portal = null!;
    private Actor agent = null!;
    private Actor reporter = null!;
    private QueueQuery filtered = null!;
    private IncidentDraft draft = null!;

    public static QueueQuery FirstPageQuery { get; } = new();
    public static QueueQuery TextSearchQuery { get; } = new() { Search = "certificate" };
    public static QueueQuery ReferenceSearchQuery { get; } = new() { Search = "INC-054321" };

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = BenchmarkDatabase.WorkingCopy(Name);
        portal = BenchmarkPortal.Open(connectionString, Path.GetDirectoryName(connectionString["Data Source=".Length..])!);
        agent = portal.ActorAsync("agent@demo.local", isAgent: true).GetAwaiter().GetResult();
        reporter = portal.ActorAsync("reporter@demo.local", isAgent: false).GetAwaiter().GetResult();
        filtered = FilteredQuery(portal.ServiceIdAsync("VPN").GetAwaiter().GetResult());
        draft = new IncidentDraft("Benchmark: VPN drops every few minutes", "Created by IncidentPortal.Benchmarks.",
            Impact.Medium, Urgency.High, IncidentSource.Portal, filtered.ServiceId, null);
    }

    public static QueueQuery FilteredQuery(int serviceId) => new() { View = QueueView.MyTeams, Priority = Priority.P2, ServiceId = serviceId };

    [GlobalCleanup]
    public void Cleanup()
    {
        portal.DisposeAsync().AsTask().GetAwaiter().GetResult();
        BenchmarkDatabase.DeleteWorkingCopy(Name);
    }

    [Benchmark(Description = "Queue first page (All open, priority then age)")]
    public Task<QueuePage> FirstPage() => portal.Queue.GetAsync(agent, FirstPageQuery);

    [Benchmark(Description = "Filtered view (My teams + P2 + VPN)")]
    public Task<QueuePage> FilteredView() => portal.Queue.GetAsync(agent, filtered);

    [Benchmark(Description = "Text search (\"certificate\", All open)")]
    public Task<QueuePage> TextSearch() => portal.Queue.GetAsync(agent, TextSearchQuery);

    [Benchmark(Description = "Reference search (\"INC-054321\")")]
    public Task<QueuePage> ReferenceSearch() => portal.Queue.GetAsync(agent, ReferenceSearchQuery);

    [Benchmark(Description = "Report an incident (IncidentService.ReportAsync)")]
    public Task<Incident> ReportIncident() => portal.Incidents.ReportAsync(reporter, draft);
}
