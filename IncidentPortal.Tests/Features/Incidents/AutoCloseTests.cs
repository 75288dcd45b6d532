using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Tests.Features.Incidents;

public sealed class AutoCloseTests
{
    [Fact]
    public async Task Closes_only_incidents_resolved_longer_ago_than_the_setting_as_the_system()
    {
        await using var host = new IncidentTestHost();
        await ((IAsyncLifetime)host).InitializeAsync();
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var network = await host.TeamIdAsync("Network");
        async Task<Incident> ResolvedAsync(string title)
        {
            var incident = await host.ReportAsync(reporter, title);
            await host.Incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(network, agent.UserId));
            await host.Incidents.ChangeAsync(agent, incident.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Done", null));
            return incident;
        }
        var old = await ResolvedAsync("Resolved long ago");
        host.Clock.Advance(TimeSpan.FromDays(6));
        var recent = await ResolvedAsync("Resolved six days later");
        var open = await host.ReportAsync(reporter, "Still open");
        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // old: 7 d 1 min resolved; recent: 1 d
        var events = new List<IncidentUpdated>();
        using var _ = host.Events.Subscribe<IncidentUpdated>(e => { lock (events) events.Add(e); return Task.CompletedTask; });
        var closer = new IncidentAutoCloser(host.Incidents, Options.Create(new IncidentOptions { AutoCloseAfterDays = 7 }), host.Clock,
            NullLogger<IncidentAutoCloser>.Instance);

        await closer.CloseDueAsync();

        Assert.Equal(IncidentStatus.Closed, (await host.StoredAsync(old.Id)).Status);
        Assert.Equal(IncidentStatus.Resolved, (await host.StoredAsync(recent.Id)).Status);
        Assert.Equal(IncidentStatus.New, (await host.StoredAsync(open.Id)).Status);
        var closing = (await host.StoredAsync(old.Id)).Activities.OrderBy(a => a.Id).Last();
        Assert.Null(closing.ActorId);
        Assert.Equal("Closed automatically: resolved for more than 7 days", closing.Text);
        var published = Assert.Single(events, e => e.IncidentId == old.Id);
        Assert.Equal((null, "System", IncidentStatus.Closed), (published.ActorId, published.ActorName, published.Status));
        Assert.DoesNotContain(events, e => e.IncidentId == recent.Id);
        var timeline = (await host.Queries.GetAsync(reporter, old.Id)).Timeline;
        Assert.Equal("System", timeline[^1].Actor);

        host.Clock.Advance(TimeSpan.FromDays(6));
        await closer.CloseDueAsync();
        Assert.Equal(IncidentStatus.Closed, (await host.StoredAsync(recent.Id)).Status);
    }

    [Fact]
    public async Task The_hosted_closer_runs_at_start_up_on_the_configured_age()
    {
        // The demo data has incidents resolved about 2, 3, 5, 7 and 8 days before "now".
        await using var host = IncidentTestHost.WithAutoCloseAfter(4);
        await ((IAsyncLifetime)host).InitializeAsync();
        var cutoff = host.Clock.GetUtcNow().UtcDateTime.AddDays(-4);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<(IncidentStatus Status, DateTime? ResolvedAt)> resolvedOnes;
        do
        {
            await using var db = await host.DbAsync();
            resolvedOnes = db.Incidents.Where(i => i.ResolvedAt != null).Select(i => new { i.Status, i.ResolvedAt }).AsEnumerable()
                .Select(i => (i.Status, i.ResolvedAt)).ToList();
            if (resolvedOnes.Where(i => i.ResolvedAt < cutoff).All(i => i.Status == IncidentStatus.Closed)) break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Contains(resolvedOnes, i => i.ResolvedAt < cutoff);
        Assert.All(resolvedOnes.Where(i => i.ResolvedAt < cutoff), i => Assert.Equal(IncidentStatus.Closed, i.Status));
        Assert.Contains(resolvedOnes, i => i.ResolvedAt >= cutoff && i.Status == IncidentStatus.Resolved);
    }

    [Fact]
    public async Task The_hosted_closer_checks_again_when_the_clock_passes_its_interval()
    {
        // The closer's PeriodicTimer runs on the injected TimeProvider: the fake clock's Advance is its tick, no real
        // 15 minutes pass. After the start-up run, an incident resolved now is only closed by a later tick.
        await using var host = IncidentTestHost.WithAutoCloseAfter(4);
        await ((IAsyncLifetime)host).InitializeAsync();
        // The start-up run has closed the demo's old incidents: its timer exists, so the Advance below is not missed.
        var cutoff = host.Clock.GetUtcNow().UtcDateTime.AddDays(-4);
        await EventuallyAsync(async () =>
        {
            await using var db = await host.DbAsync();
            return !await db.Incidents.AnyAsync(i => i.Status == IncidentStatus.Resolved && i.ResolvedAt < cutoff);
        });
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), "Resolved, then forgotten");
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), agent.UserId));
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Done", null));

        host.Clock.Advance(TimeSpan.FromDays(4) + IncidentAutoCloser.CheckInterval);

        await EventuallyAsync(async () => (await host.StoredAsync(incident.Id)).Status == IncidentStatus.Closed);
        Assert.Equal(IncidentStatus.Closed, (await host.StoredAsync(incident.Id)).Status);
    }

    /// <summary>Waits (real time) for the closer's background loop, which runs on its own.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition() && DateTime.UtcNow < deadline) await Task.Delay(100);
    }
}
