using IncidentPortal.Tests.Support;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IncidentPortal.Tests.E2E.Harness;

/// <summary>
/// The real application, run as its own process from the web project's build output (the test project references
/// the web project, so building the tests builds it). Seeded with the demo organisation, in a fresh temporary data
/// directory, on a free loopback port. <see cref="StopAsync"/> and <see cref="StartAsync"/> restart it on the same
/// port and data directory: the database and the data-protection keys survive, so browser cookies stay valid.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    /// <summary>First start seeds the demo organisation (eight slow password hashes); a loaded CI machine needs minutes.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("INCIDENTPORTAL_E2E_START_SECONDS"), out var seconds) ? seconds : 180);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int KeptOutputLines = 4000;

    private readonly ConcurrentQueue<string> output = new();
    private readonly object logLock = new();
    private readonly StreamWriter logFile;
    private Process? process;
    private int starts;

    public PortalServer()
    {
        RepositoryRoot = FindRepositoryRoot();
        var configuration = typeof(PortalServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        AppDirectory = Path.Combine(RepositoryRoot, "IncidentPortal", "bin", configuration, "net10.0");
        AppAssembly = Path.Combine(AppDirectory, "IncidentPortal.dll");
        DataDirectory = Path.Combine(Path.GetTempPath(), "incidentportal-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Port = FreeLoopbackPort();
        BaseUrl = $"http://127.0.0.1:{Port}";

        var logDirectory = Path.Combine(AppContext.BaseDirectory, "e2e-logs");
        Directory.CreateDirectory(logDirectory);
        LogPath = Path.Combine(logDirectory, $"portal-server-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Port}.log");
        logFile = new StreamWriter(LogPath) { AutoFlush = true };
    }

    public string RepositoryRoot { get; }
    public string AppDirectory { get; }
    public string AppAssembly { get; }
    public string DataDirectory { get; }
    public int Port { get; }

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Everything the server wrote, across restarts.</summary>
    public string LogPath { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Extra environment for a server of one test class (e.g. a seconds-long update cadence); set before it starts.</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = [];

    /// <summary>The app's mail goes here (a real SMTP listener on 127.0.0.1).</summary>
    public SmtpTestServer Smtp { get; } = new();

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        await Smtp.DisposeAsync();
        lock (logLock) logFile.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* best effort: a temp folder */ }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Starts the server (same port, same data directory as before) and waits until /healthz answers 200.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        if (!File.Exists(AppAssembly))
            throw new InvalidOperationException($"{AppAssembly} does not exist. Build the solution (the test project builds the web project it references).");

        Directory.CreateDirectory(DataDirectory);
        starts++;
        Log($"--- start #{starts}: {AppAssembly} --urls {BaseUrl} (data: {DataDirectory})");

        var start = new ProcessStartInfo(DotnetHost(), [AppAssembly, "--urls", BaseUrl])
        {
            WorkingDirectory = AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        // Nothing from the developer's shell or the test host may change what the app is configured as.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                || key.Contains("__", StringComparison.Ordinal))
                start.Environment.Remove(key);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataDirectory"] = DataDirectory;
        start.Environment["DemoData__Seed"] = "true";
        start.Environment["StatusPage__SchedulerSeconds"] = "1";
        // Status subscribers: mail to the test's SMTP listener, webhooks to 127.0.0.1 receivers, quick retries.
        start.Environment["Smtp__Host"] = "127.0.0.1";
        start.Environment["Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Smtp__FromAddress"] = "status@portal.test";
        start.Environment["Portal__PublicUrl"] = BaseUrl;
        start.Environment["StatusPage__AllowPrivateWebhookTargets"] = "true";
        start.Environment["StatusSubscriptions__RequestsPerWindow"] = "1000";
        start.Environment["Outbox__PollSeconds"] = "0.5";
        start.Environment["Outbox__RetryBaseSeconds"] = "1";
        // Policy steps fire within a second of falling due, so a 5-second wait is observable in a test.
        start.Environment["Escalation__WatchSeconds"] = "1";
        // Three reports on one service in ten minutes raise the surge prompt (MajorIncidentDeclareTests).
        start.Environment["MajorIncidents__SurgeCount"] = "3";
        start.Environment["Accounts__SignInAttemptsPerWindow"] = "1000";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        foreach (var (key, value) in ExtraEnvironment) start.Environment[key] = value;

        var started = new Process { StartInfo = start, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => { if (e.Data is not null) Log(e.Data); };
        started.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log("[stderr] " + e.Data); };
        if (!started.Start()) throw new InvalidOperationException("Could not start " + start.FileName);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;
        // Should the test host end without disposing the fixture, do not leave the server running behind it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;

        await WaitUntilHealthyAsync(started);
    }

    /// <summary>Stops the server: SIGTERM (a normal shutdown), then a kill if it does not exit in time.</summary>
    public async Task StopAsync()
    {
        var running = process;
        process = null;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (running is null) return;
        try
        {
            var clock = Stopwatch.StartNew();
            if (!running.HasExited)
            {
                Log("--- stopping");
                if (!OperatingSystem.IsWindows()) _ = SysKill(running.Id, SigTerm);
                else running.Kill(entireProcessTree: true);

                using var timeout = new CancellationTokenSource(StopTimeout);
                try { await running.WaitForExitAsync(timeout.Token); }
                catch (OperationCanceledException)
                {
                    Log("--- did not stop in time: killing the process tree");
                    running.Kill(entireProcessTree: true);
                    await running.WaitForExitAsync();
                }
            }
            Log($"--- exited with code {running.ExitCode} after {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            running.Dispose();
        }
    }

    /// <summary>The last lines the server wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput(int lines = 60)
    {
        var all = output.ToArray();
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try { process?.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
    }

    private async Task WaitUntilHealthyAsync(Process started)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        var last = "no answer yet";
        while (deadline.Elapsed < StartTimeout)
        {
            if (started.HasExited)
            {
                started.WaitForExit(); // flushes the asynchronous output readers
                throw new InvalidOperationException(
                    $"IncidentPortal exited with code {started.ExitCode} before it was healthy.\n{RecentOutput(120)}");
            }
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Log($"--- healthy after {deadline.ElapsedMilliseconds} ms");
                    return;
                }
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e) { last = e.Message; }
            catch (TaskCanceledException) { last = "timed out"; }
            await Task.Delay(100);
        }
        throw new TimeoutException(
            $"IncidentPortal did not answer 200 on {BaseUrl}/healthz within {StartTimeout.TotalSeconds} s (last: {last}).\n{RecentOutput(120)}");
    }

    private void Log(string line)
    {
        output.Enqueue(line);
        while (output.Count > KeptOutputLines) output.TryDequeue(out _);
        lock (logLock)
        {
            try { logFile.WriteLine(line); }
            catch (ObjectDisposedException) { /* output after dispose */ }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IncidentPortal.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No IncidentPortal.sln above {AppContext.BaseDirectory}.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running the tests (set by the SDK), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        return "dotnet";
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);
}
