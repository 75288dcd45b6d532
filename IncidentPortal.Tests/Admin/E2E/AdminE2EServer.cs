using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace IncidentPortal.Tests.Admin.E2E;

/// <summary>
/// The real app as its own process (the web project's build output), seeded with the demo organisation, in a temp
/// data folder, on a free loopback port. A trimmed-down stand-in for the shared E2E harness (branch e2e-tests:
/// PortalServer); switch to that once it is on main.
/// </summary>
public sealed class AdminE2EServer : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "incidentportal-admin-e2e", Guid.NewGuid().ToString("N")[..12]);
    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    public async Task InitializeAsync()
    {
        var configuration = typeof(AdminE2EServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var appDirectory = Path.Combine(RepositoryRoot(), "IncidentPortal", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(appDirectory, "IncidentPortal.dll"), "--urls", BaseUrl])
        {
            WorkingDirectory = appDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) || k.Contains("__")).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataDirectory"] = DataDirectory;
        start.Environment["DemoData__Seed"] = "true";
        start.Environment["Accounts__SignInAttemptsPerWindow"] = "1000";

        Directory.CreateDirectory(DataDirectory);
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue("[stderr] " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{RecentOutput()}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not get healthy at {BaseUrl}:\n{RecentOutput()}");
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* best effort: a temp folder */ }
    }

    public string RecentOutput(int lines = 60) => string.Join(Environment.NewLine, output.TakeLast(lines));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IncidentPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("IncidentPortal.sln not found above " + AppContext.BaseDirectory);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
