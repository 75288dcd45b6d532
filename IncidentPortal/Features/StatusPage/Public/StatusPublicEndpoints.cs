using System.Globalization;
using IncidentPortal.Features.StatusPage.Public.Pages;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// The public status outputs: pages rendered as static HTML from Razor components (no circuit, no cookies), the JSON
/// summary, the Atom feed and the live event stream. Everything but the stream comes from the output cache.
/// </summary>
public static class StatusPublicEndpoints
{
    public static WebApplicationBuilder AddStatusPublic(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StatusPublicOptions>(builder.Configuration.GetSection("StatusPage"));
        builder.Services.AddOutputCache(o => o.AddPolicy(StatusCachePolicy.Name, new StatusCachePolicy()));
        builder.Services.AddStatusCompression();
        builder.Services.AddSingleton<StatusBroadcaster>();
        builder.Services.AddSingleton<StatusSnapshotStore>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StatusSnapshotStore>());
        return builder;
    }

    /// <summary>Before authentication, so a cached page costs no cookie decoding or user lookup.</summary>
    public static WebApplication UseStatusPublic(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseStatusCompression();
        return app;
    }

    public static WebApplication MapStatusPublic(this WebApplication app)
    {
        var pages = app.MapGroup("").AllowAnonymous().CacheOutput(StatusCachePolicy.Name).WithMetadata(StatusCompression.Marker);
        // HEAD too: uptime monitors probe with it (Kestrel sends the headers of the GET and no body).
        pages.MapMethods("/status", GetOrHead, StatusPageAsync);
        pages.MapMethods("/status/incidents/{id:int}", GetOrHead, IncidentAsync);
        pages.MapMethods("/status/history", GetOrHead, HistoryAsync);
        pages.MapMethods("/status/history.atom", GetOrHead, FeedAsync);
        pages.MapGet("/api/v2/summary.json", (HttpContext http, StatusSnapshotStore store, IOptions<StatusPublicOptions> o, CancellationToken ct) =>
            JsonAsync(http, store, o.Value, summary: true, ct))
            .WithTags("Status page").WithSummary("Public status summary: components, active incidents, maintenance (Statuspage's shape)");
        pages.MapGet("/api/v2/status.json", (HttpContext http, StatusSnapshotStore store, IOptions<StatusPublicOptions> o, CancellationToken ct) =>
            JsonAsync(http, store, o.Value, summary: false, ct))
            .WithTags("Status page").WithSummary("Public overall status indicator (Statuspage's shape)");
        app.MapGet("/status/events", StatusEventStream.RunAsync).AllowAnonymous();
        return app;
    }

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    private static async Task<IResult> StatusPageAsync(HttpContext http, StatusSnapshotStore store, IOptions<StatusPublicOptions> options,
        string? fragment, CancellationToken ct)
    {
        var snapshot = await store.GetAsync(ct);
        Cacheable(http, store, options.Value);
        var parameters = new Dictionary<string, object?>
        {
            ["Snapshot"] = snapshot, ["FailingSince"] = store.FailingSince, ["Version"] = store.Version,
        };
        if (fragment is "1") return new RazorComponentResult<LiveStatusBoard>(parameters);
        parameters["PageName"] = options.Value.Name;
        return new RazorComponentResult<PublicStatusPage>(parameters);
    }

    private static async Task<IResult> IncidentAsync(int id, HttpContext http, StatusSnapshotStore store, IDbContextFactory<AppDbContext> dbs,
        IOptions<StatusPublicOptions> options, CancellationToken ct)
    {
        var incident = (await store.GetAsync(ct))?.Incidents.FirstOrDefault(i => i.Id == id);
        if (incident is null && store.FailingSince is null)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            incident = await StatusSnapshotReader.ReadIncidentAsync(db, id, ct);
        }
        Cacheable(http, store, options.Value);
        return new RazorComponentResult<StatusIncidentPage>(new { PageName = options.Value.Name, Incident = incident })
        {
            StatusCode = incident is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
        };
    }

    private static async Task<IResult> HistoryAsync(string? month, HttpContext http, StatusSnapshotStore store, IDbContextFactory<AppDbContext> dbs,
        TimeProvider clock, IOptions<StatusPublicOptions> options, CancellationToken ct)
    {
        var thisMonth = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) is var d ? new DateOnly(d.Year, d.Month, 1) : default;
        var chosen = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m <= thisMonth ? m : thisMonth;
        IReadOnlyList<IncidentView> incidents;
        var partial = false;
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            incidents = await StatusSnapshotReader.ReadMonthAsync(db, chosen, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: the snapshot still knows the last 90 days.
            partial = true;
            incidents = (await store.GetAsync(ct))?.Incidents
                .Where(i => i.CreatedAt.Year == chosen.Year && i.CreatedAt.Month == chosen.Month).ToList() ?? [];
        }
        Cacheable(http, store, options.Value);
        return new RazorComponentResult<StatusHistoryPage>(new
        {
            PageName = options.Value.Name, Month = chosen, HasNext = chosen < thisMonth, Partial = partial, Incidents = incidents,
        });
    }

    private static async Task<IResult> FeedAsync(HttpContext http, StatusSnapshotStore store, IOptions<StatusPublicOptions> options, CancellationToken ct)
    {
        var snapshot = await store.GetAsync(ct) ?? StatusSnapshot.Empty;
        Cacheable(http, store, options.Value);
        var xml = StatusAtomFeed.Write(snapshot, options.Value.Name, BaseUrl(http.Request));
        return Results.Text(xml, "application/atom+xml; charset=utf-8");
    }

    private static async Task<IResult> JsonAsync(HttpContext http, StatusSnapshotStore store, StatusPublicOptions options, bool summary, CancellationToken ct)
    {
        var snapshot = await store.GetAsync(ct) ?? StatusSnapshot.Empty;
        Cacheable(http, store, options);
        var payload = StatusSummaryJson.Create(snapshot, options.Name, BaseUrl(http.Request), summary);
        return Results.Json(payload, StatusSummaryJson.SerializerOptions);
    }

    /// <summary>Public and short-lived for browsers and proxies; the ETag changes with every change the store sees.</summary>
    private static void Cacheable(HttpContext http, StatusSnapshotStore store, StatusPublicOptions options)
    {
        http.Response.Headers.CacheControl = $"public, max-age={options.MaxAgeSeconds}";
        // Every status output may be sent compressed, so a shared cache must key on the encoding even when this copy is
        // plain (the compression middleware only says so when the request asked for an encoding).
        http.Response.Headers.Vary = "Accept-Encoding";
        // Weak: the same version is sent as brotli, gzip or plain bytes.
        http.Response.Headers.ETag = $"W/\"{BootId}-{store.Version}\"";
    }

    internal static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    // Versions restart with the process; the boot id keeps an old ETag from matching a new process's page.
    private static readonly string BootId = Guid.NewGuid().ToString("N")[..8];
}
