using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// `-- minimal-kestrel &lt;url&gt;`: the baseline for status-wrk.sh, a bare Kestrel endpoint returning a static string,
/// so the status page's rate can be read against what this machine can serve at all.
/// </summary>
internal static class MinimalKestrel
{
    public static async Task<int> RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/", () => "OK");
        await app.RunAsync();
        return 0;
    }
}
