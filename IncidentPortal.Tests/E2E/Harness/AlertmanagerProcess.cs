using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IncidentPortal.Tests.E2E.Harness;

/// <summary>
/// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) on a free loopback port, with a config whose
/// only receiver is the portal's webhook (with the integration key as bearer token). Groups flush after a second so
/// tests do not wait. Clustering is off: one instance.
/// </summary>
public sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";
    private readonly Process process;
    private readonly string folder;
    private readonly StringBuilder log = new();

    private AlertmanagerProcess(Process process, string folder, string baseUrl) => (this.process, this.folder, BaseUrl) = (process, folder, baseUrl);

    public string BaseUrl { get; }
    public string Log { get { lock (log) return log.ToString(); } }

    public static async Task<AlertmanagerProcess> StartAsync(string webhookUrl, string key)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} is missing: apt-get install prometheus-alertmanager (test.sh does).");
        var folder = Path.Combine(Path.GetTempPath(), "incidentportal-am-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "alertmanager.yml");
        await File.WriteAllTextAsync(config, $"""
            route:
              receiver: portal
              group_by: ['alertname']
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: portal
                webhook_configs:
                  - url: {webhookUrl}
                    send_resolved: true
                    http_config:
                      authorization:
                        credentials: {key}
            """);
        var port = FreePort();
        var start = new ProcessStartInfo(Binary,
            [$"--config.file={config}", $"--storage.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{port}",
             "--cluster.listen-address=", "--log.level=debug"])
        { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Alertmanager.");
        var am = new AlertmanagerProcess(process, folder, $"http://127.0.0.1:{port}");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (am.log) am.log.AppendLine(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (am.log) am.log.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await am.WaitUntilReadyAsync();
        return am;
    }

    /// <summary>Posts alerts to Alertmanager's API (v2), as Prometheus does.</summary>
    public async Task PostAlertsAsync(string json)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(BaseUrl + "/api/v2/alerts", new StringContent(json, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Alertmanager refused the alerts: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException("Alertmanager exited:\n" + Log);
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/-/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("Alertmanager did not become ready:\n" + Log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
