using System.Diagnostics;
using System.Net;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Public;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.StatusPage.Public;

/// <summary>The live stream tells viewers about a change within a second; a lost database leaves the last known page up.</summary>
public sealed class StatusLiveAndResilienceTests
{
    private static PortalFactory NewPortal() => new(new Dictionary<string, string?> { ["StatusPage:RetrySeconds"] = "1" });

    [Fact]
    public async Task A_live_viewer_hears_the_new_version_within_a_second_and_leaving_frees_its_slot()
    {
        await using var portal = NewPortal();
        using var http = portal.CreateClient();
        var broadcaster = portal.Services.GetRequiredService<StatusBroadcaster>();
        using (var response = await http.GetAsync("/status/events", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var warm = await NextVersionAsync(reader);
            Assert.Equal(1, broadcaster.ViewerCount);
            // A first change pays for start-up (JIT of the snapshot build and rendering); the bound is for a running page.
            await StatusTestData.AddComponentAsync(portal.Services, "Warm-up " + Guid.NewGuid().ToString("N")[..6], null, ComponentStatus.Operational);
            await portal.Services.GetRequiredService<IEventBus>().PublishAsync(new StatusPageChanged(DateTime.UtcNow));
            var first = await NextVersionAsync(reader).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.NotEqual(warm, first);

            var name = "Live " + Guid.NewGuid().ToString("N")[..6];
            await StatusTestData.AddComponentAsync(portal.Services, name, null, ComponentStatus.MajorOutage);
            var clock = Stopwatch.StartNew();
            await portal.Services.GetRequiredService<IEventBus>().PublishAsync(new StatusPageChanged(DateTime.UtcNow));
            var next = await NextVersionAsync(reader).WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"heard after {clock.Elapsed}");
            Assert.NotEqual(first, next);
            // What the script then fetches already shows the change.
            Assert.Contains(name, await http.GetStringAsync("/status?fragment=1"));
            Assert.Contains($"data-version=\"{next}\"", await http.GetStringAsync("/status?fragment=1"));
        }
        await WaitUntilAsync(() => broadcaster.ViewerCount == 0);
    }

    [Fact]
    public async Task With_the_database_gone_the_last_known_page_is_served_and_it_recovers_by_itself()
    {
        await using var portal = NewPortal();
        var name = "Email " + Guid.NewGuid().ToString("N")[..6];
        await StatusTestData.AddComponentAsync(portal.Services, name, null, ComponentStatus.DegradedPerformance);
        await StatusTestData.AnnounceAsync(portal.Services);
        using var http = portal.CreateClient();
        Assert.DoesNotContain("trouble refreshing", await http.GetStringAsync("/status"));

        // The database file goes away (as when its volume or server is lost): opening it again finds no tables.
        var away = portal.DatabasePath + ".away";
        SqliteConnection.ClearAllPools();
        File.Move(portal.DatabasePath, away);
        var store = portal.Services.GetRequiredService<StatusSnapshotStore>();
        try
        {
            await portal.Services.GetRequiredService<IEventBus>().PublishAsync(new StatusPageChanged(DateTime.UtcNow));
            await WaitUntilAsync(() => store.FailingSince is not null);
            using var stale = await http.GetAsync("/status");
            var page = await stale.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("trouble refreshing", page);
            Assert.Contains("last updated", page);
            Assert.Contains(name, page);
            Assert.Contains("Degraded performance", page);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v2/summary.json")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/status/history")).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { "-wal", "-shm" }) File.Delete(portal.DatabasePath + file);
            File.Move(away, portal.DatabasePath, overwrite: true);
            SqliteConnection.ClearAllPools();
        }
        // No event needed: the store retries on its own and the page drops the notice.
        await WaitUntilAsync(() => store.FailingSince is null, TimeSpan.FromSeconds(15));
        var recovered = await http.GetStringAsync("/status");
        Assert.DoesNotContain("trouble refreshing", recovered);
        Assert.Contains(name, recovered);
    }

    private static async Task<string> NextVersionAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return line["data: ".Length..];
        throw new EndOfStreamException("The event stream ended.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not become true in time.");
            await Task.Delay(50);
        }
    }
}
