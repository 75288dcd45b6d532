using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Tests.Features.Incidents.Support;
using IncidentPortal.Tests.Features.MajorIncidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>The war room's record: on the incident's timeline, in the review's drafted timeline, and passed on to children.</summary>
public class MajorIncidentRecordTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.MajorIncidents();


    [Fact]
    public async Task War_room_entries_are_internal_lines_of_the_incident_timeline_and_do_not_make_an_editor_stale()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var (majorId, parent) = await host.DeclaredAsync("Record: VPN concentrator reboot loop");
        var version = (await host.StoredAsync(parent.Id)).Version;

        await Service.PostAsync(manager, majorId, LogEntryKind.Decision, "Fail over to the backup concentrator");

        await using var db = await host.DbAsync();
        var lines = await db.IncidentActivities.Where(a => a.IncidentId == parent.Id && a.Field == MajorIncidentTimeline.Topic).ToListAsync();
        Assert.Contains(lines, a => a.Text == "Declared a major incident (SEV1)");
        var decision = Assert.Single(lines, a => a.Text == "Decision: Fail over to the backup concentrator");
        Assert.False(decision.IsPublic);
        Assert.Equal(manager.UserId, decision.ActorId);
        Assert.Equal(version, (await host.StoredAsync(parent.Id)).Version);
        // A reporter's view of the incident never shows them.
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var seen = await host.Queries.GetAsync(reporter, parent.Id);
        Assert.DoesNotContain(seen.Timeline, t => t.Text?.Contains("backup concentrator", StringComparison.Ordinal) == true);
        Assert.Contains((await host.Queries.GetAsync(manager, parent.Id)).Timeline, t => t.Text == "Decision: Fail over to the backup concentrator");
    }

    [Fact]
    public async Task The_review_timeline_keeps_pinned_entries_as_key_events_and_offers_other_notes()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var (majorId, parent) = await host.DeclaredAsync("Record: DNS resolution failing");
        await Service.PostAsync(manager, majorId, LogEntryKind.Fact, "Upstream resolver returns SERVFAIL");
        await Service.PostAsync(manager, majorId, LogEntryKind.Note, "Checking the firewall change log");
        long pinned;
        await using (var db = await host.DbAsync())
            pinned = await db.MajorIncidentLog.Where(e => e.Text == "Upstream resolver returns SERVFAIL").Select(e => e.Id).SingleAsync();
        await Service.PinAsync(manager, majorId, pinned, true);

        var drafted = await host.Services.GetRequiredService<ReviewQueries>().TimelineSuggestionsAsync(manager, parent.Id);

        var key = Assert.Single(drafted, d => d.Text.Contains("SERVFAIL", StringComparison.Ordinal));
        Assert.True(key.Keep);
        Assert.StartsWith("Key event: Fact: Upstream resolver returns SERVFAIL", key.Text);
        var note = Assert.Single(drafted, d => d.Text.Contains("firewall change log", StringComparison.Ordinal));
        Assert.False(note.Keep);
        Assert.Contains(drafted, d => d.Keep && d.Text.StartsWith("Declared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_page_updates_and_public_replies_on_the_parent_reach_open_children_once_and_work_notes_never()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var other = await host.ActorAsync(DemoEmails.OtherReporter);
        var (majorId, parent) = await host.DeclaredAsync("Record: Wi-Fi down in building B");
        var child = await host.ReportAsync(other, "No Wi-Fi on floor 3");
        await Service.LinkAsync(manager, majorId, [child.Id]);
        int component;
        await using (var db = await host.DbAsync()) component = await db.StatusComponents.Select(c => c.Id).FirstAsync();
        var status = host.Services.GetRequiredService<StatusService>();

        var published = await status.PublishUpdateAsync(manager, parent.Id, new PublishRequest("Wi-Fi outage", IncidentPhase.Identified,
            "A failed controller is being replaced.", new Dictionary<int, ComponentStatus> { [component] = ComponentStatus.PartialOutage }));
        Assert.True(published.Succeeded, published.Error);
        await host.Incidents.ChangeAsync(manager, parent.Id, null, new AddComment("Secret: vendor ticket 4711", IsPublic: false));
        await host.Incidents.ChangeAsync(manager, parent.Id, null, new AddComment("Engineers are on site.", IsPublic: true));

        await using var check = await host.DbAsync();
        var comments = await check.IncidentActivities.Where(a => a.IncidentId == child.Id && a.Kind == ActivityKind.PublicComment)
            .Select(a => a.Text!).ToListAsync();
        Assert.Equal(2, comments.Count);
        Assert.Contains(comments, c => c.Contains(parent.Reference, StringComparison.Ordinal) && c.EndsWith("Status page update (Identified): A failed controller is being replaced.", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.EndsWith("Engineers are on site.", StringComparison.Ordinal));
        Assert.DoesNotContain(await check.IncidentActivities.Where(a => a.IncidentId == child.Id).Select(a => a.Text).ToListAsync(),
            t => t != null && t.Contains("4711", StringComparison.Ordinal));
        var major = await check.MajorIncidents.Include(m => m.Log).SingleAsync(m => m.Id == majorId);
        Assert.NotNull(major.FirstCommunicationAt);
        Assert.Single(major.Log, e => e.Kind == LogEntryKind.PublicUpdate);
    }

    [Fact]
    public async Task Resolving_the_incident_from_its_workspace_ends_the_response_too()
    {
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var (majorId, parent) = await host.DeclaredAsync("Record: SAN latency");
        await host.Incidents.ChangeAsync(agent, parent.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), agent.UserId));

        await host.Incidents.ChangeAsync(agent, parent.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Controller replaced", null, ConfirmOpenTasks: true));

        await using var db = await host.DbAsync();
        var major = await db.MajorIncidents.Include(m => m.Log).SingleAsync(m => m.Id == majorId);
        Assert.Equal(MajorIncidentState.Resolved, major.State);
        Assert.Contains(major.Log, e => e.Text == "Resolved. The incident was resolved outside the war room");
    }
}
