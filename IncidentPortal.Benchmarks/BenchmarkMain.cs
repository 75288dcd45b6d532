using BenchmarkDotNet.Running;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project IncidentPortal.Benchmarks` runs every benchmark (see README.md);
/// `-- plans` prints the database's query plan for each queue query instead; `-- alerts ...` are the helpers of
/// AlertIngest/run-ingest-benchmark.sh.
/// `-- plans` prints the database's query plan for each queue query instead; `-- minimal-kestrel <url>` serves a static
/// string (the baseline of status-wrk.sh); `-- circuits ...` measures memory per open queue circuit of a running app
/// (circuit-memory.sh); `-- live ...` measures how soon a new incident shows on open live lists (live-latency.sh); `-- reports-page ...` times the Reports page to usable (reports-page.sh); `-- heap PID [types.tsv]` prints one process's live managed heap after a full GC.
/// </summary>
public static class BenchmarkMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["plans", ..]) return await QueryPlans.PrintAsync();
        if (args is ["alerts", .. var rest]) return await AlertIngest.AlertIngestCommands.RunAsync(rest);
        if (args is ["sla", ..]) return await SlaBenchmark.RunAsync();
        if (args is ["minimal-kestrel", var url]) return await MinimalKestrel.RunAsync(url);
        if (args is ["heap", var pid, .. var heapArgs]) return await CircuitMemory.CircuitMemoryCommand.PrintHeapAsync(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture), heapArgs);
        if (args is ["live", .. var liveArgs]) return await LiveLatency.LiveLatencyCommand.RunAsync(liveArgs);
        if (args is ["reports-page", .. var pageArgs]) return await ReportsPage.ReportsPageCommand.RunAsync(pageArgs);
        if (args is ["circuits", .. var circuitArgs]) return await CircuitMemory.CircuitMemoryCommand.RunAsync(circuitArgs);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkMain).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
        return 0;
    }
}
