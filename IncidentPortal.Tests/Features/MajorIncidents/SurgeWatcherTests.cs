using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>Its own host: the surge counts every report on the service in the window.</summary>
public sealed class SurgeWatcherTests : IAsyncLifetime
{
    private readonly IncidentTestHost host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    private async Task<List<string>> SurgeNotificationsAsync(string managerId)
    {
        await using var db = await host.DbAsync();
        return await db.Notifications.Where(n => n.UserId == managerId && n.Title.StartsWith("Possible major incident"))
            .Select(n => n.Title).ToListAsync();
    }

    [Fact]
    public async Task The_fifth_report_on_a_service_within_ten_minutes_tells_the_incident_managers_once()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        // Whatever the demo data holds, the window starts after it.
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        for (var i = 0; i < 4; i++)
        {
            await host.ReportAsync(reporter, $"VPN fails {i}");
            host.Clock.Advance(TimeSpan.FromMinutes(2));
        }
        var watcher = host.Services.GetRequiredService<SurgeWatcher>();
        Assert.Empty(await SurgeNotificationsAsync(manager.UserId));

        // The report's own IncidentCreated event runs the check.
        await host.ReportAsync(reporter, "VPN fails 4");
        await AssertEventuallyAsync(async () => Assert.Equal(["Possible major incident on VPN: 5 reports in 10 minutes"],
            await SurgeNotificationsAsync(manager.UserId)));

        // A sixth report in the same surge does not notify again.
        var sixth = await host.ReportAsync(reporter, "VPN fails 5");
        Assert.Null(await watcher.CheckAsync(sixth.Id));
        Assert.Single(await SurgeNotificationsAsync(manager.UserId));
    }

    private static async Task AssertEventuallyAsync(Func<Task> assertion)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
