using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Incidents;

/// <summary>What reporters may see and do, through the real services on a real SQLite file.</summary>
public sealed class IncidentAccessTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task Reporter_does_not_get_internal_notes_or_fields_from_GetAsync()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(reporter);
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("SECRET-work-note: the vendor blames us", IsPublic: false));
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new OverridePriority(Priority.P1, "SECRET-override: VIP"));
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("We are on it.", IsPublic: true));

        var reporterView = await host.Queries.GetAsync(reporter, incident.Id);
        var agentView = await host.Queries.GetAsync(agent, incident.Id);

        Assert.All(reporterView.Timeline, e => Assert.True(e.IsPublic));
        Assert.DoesNotContain(reporterView.Timeline, e => (e.Text ?? "").Contains("SECRET") || e.Summary.Contains("SECRET"));
        Assert.Contains(reporterView.Timeline, e => e.Text == "We are on it.");
        Assert.Null(reporterView.PriorityOverrideReason);
        Assert.Null(reporterView.ReporterEmail);
        // The agent sees all of it, so the filter above is what hides it.
        Assert.Contains(agentView.Timeline, e => e.Kind == ActivityKind.WorkNote && e.Text!.StartsWith("SECRET-work-note"));
        Assert.Equal("SECRET-override: VIP", agentView.PriorityOverrideReason);
    }

    public static TheoryData<string> ForgedCommands => new() { "internal-note", "edit", "save-fields", "assign", "resolve", "override", "cancel" };

    [Theory]
    [MemberData(nameof(ForgedCommands))]
    public async Task Reporter_cannot_post_internal_notes_or_change_fields_on_their_own_incident(string forged)
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var incident = await host.ReportAsync(reporter, "Forgery target " + forged);
        var network = await host.TeamIdAsync("Network");
        IncidentCommand command = forged switch
        {
            "internal-note" => new AddComment("I am an agent now", IsPublic: false),
            "edit" => new EditIncident("Hijacked", null, Impact.High, Urgency.High, null, null),
            "save-fields" => new SaveIncidentFields(new EditIncident("Hijacked", null, Impact.High, Urgency.High, null, null), null, false, null),
            "assign" => new AssignIncident(network, reporter.UserId),
            "resolve" => new ResolveIncident(ResolutionCode.Fixed, "Fixed it myself", null),
            "override" => new OverridePriority(Priority.P1, "Mine is important"),
            "cancel" => new CancelIncident("Never mind"),
            _ => throw new ArgumentOutOfRangeException(nameof(forged)),
        };
        var before = await host.StoredAsync(incident.Id);

        await Assert.ThrowsAsync<IncidentNotFoundException>(() => host.Incidents.ChangeAsync(reporter, incident.Id, null, command));

        var after = await host.StoredAsync(incident.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Activities.Count, after.Activities.Count);
        Assert.Equal((before.Title, before.Status, before.Priority, before.AssignmentGroupId), (after.Title, after.Status, after.Priority, after.AssignmentGroupId));
    }

    [Fact]
    public async Task Reporter_may_comment_publicly_and_reopen_their_own_incident()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(reporter);
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), agent.UserId));
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Rebooted the router", null));

        await host.Incidents.ChangeAsync(reporter, incident.Id, null, new AddComment("Thanks, trying now", IsPublic: true));
        await host.Incidents.ChangeAsync(reporter, incident.Id, null, new ReopenIncident("Still broken after the reboot"));

        var view = await host.Queries.GetAsync(reporter, incident.Id);
        Assert.Equal(IncidentStatus.InProgress, view.Status);
        Assert.Contains(view.Timeline, e => e.Text == "Still broken after the reboot" && e.Actor == reporter.Name);
    }

    [Fact]
    public async Task Another_reporter_gets_not_found_for_reading_and_for_commenting()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var stranger = await host.ActorAsync(DemoEmails.OtherReporter);
        var incident = await host.ReportAsync(reporter);
        var before = await host.StoredAsync(incident.Id);

        await Assert.ThrowsAsync<IncidentNotFoundException>(() => host.Queries.GetAsync(stranger, incident.Id));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() =>
            host.Incidents.ChangeAsync(stranger, incident.Id, null, new AddComment("Me too!", IsPublic: true)));
        // The same answer as for an incident that does not exist: ids leak nothing.
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => host.Queries.GetAsync(stranger, 987654));
        var after = await host.StoredAsync(incident.Id);
        Assert.Equal((before.Version, before.Activities.Count), (after.Version, after.Activities.Count));
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_the_changes_the_editor_missed()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var alex = await host.ActorAsync(DemoEmails.Agent);
        var morgan = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, "VPN drops at noon");
        var loaded = await host.Queries.GetAsync(alex, incident.Id);

        await host.Incidents.ChangeAsync(morgan, incident.Id, loaded.Version,
            new EditIncident("VPN drops every day at noon", loaded.Description, loaded.Impact, loaded.Urgency, loaded.ServiceId, loaded.CategoryId));
        var conflict = await Assert.ThrowsAsync<IncidentConflictException>(() => host.Incidents.ChangeAsync(alex, incident.Id, loaded.Version,
            new SaveIncidentFields(new EditIncident(loaded.Title, "Alex's description", Impact.High, loaded.Urgency, loaded.ServiceId, null), null, false, null)));

        Assert.Contains("Morgan Manager: Title: VPN drops at noon → VPN drops every day at noon", conflict.Missed);
        var stored = await host.StoredAsync(incident.Id);
        Assert.Equal(("VPN drops every day at noon", "It smells of smoke.", Impact.Low), (stored.Title, stored.Description, stored.Impact));
    }

    [Fact]
    public async Task Saving_fields_is_all_or_nothing()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(reporter, "Half-saved?");
        var database = await host.TeamIdAsync("Database");

        // Alex is not in the Database team: the assignment fails, so the valid title edit must not be stored either.
        await Assert.ThrowsAsync<IncidentRuleException>(() => host.Incidents.ChangeAsync(agent, incident.Id, incident.Version,
            new SaveIncidentFields(new EditIncident("New title", null, Impact.Low, Urgency.Medium, incident.ServiceId, null),
                null, false, new AssignIncident(database, agent.UserId))));

        var stored = await host.StoredAsync(incident.Id);
        Assert.Equal(("Half-saved?", incident.Version, incident.AssignmentGroupId, (string?)null), (stored.Title, stored.Version, stored.AssignmentGroupId, stored.AssigneeId));
    }

    [Fact]
    public async Task Saving_fields_applies_edit_override_and_assignment_together_and_publishes_one_event()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(reporter, "All at once");
        var network = await host.TeamIdAsync("Network");
        var events = new List<IncidentUpdated>();
        using var _ = host.Events.Subscribe<IncidentUpdated>(e => { if (e.IncidentId == incident.Id) lock (events) events.Add(e); return Task.CompletedTask; });

        await host.Incidents.ChangeAsync(agent, incident.Id, incident.Version, new SaveIncidentFields(
            new EditIncident("All at once, edited", null, Impact.High, Urgency.High, incident.ServiceId, null),
            new OverridePriority(Priority.P4, "Only a test system"), false, new AssignIncident(network, agent.UserId)));

        var view = await host.Queries.GetAsync(agent, incident.Id);
        Assert.Equal(("All at once, edited", Priority.P4, "Only a test system", network, agent.UserId, IncidentStatus.Assigned),
            (view.Title, view.Priority, view.PriorityOverrideReason, view.TeamId, view.AssigneeId, view.Status));
        var published = Assert.Single(events);
        Assert.Equal(view.Version, published.Version);
        Assert.Contains("Status: New → Assigned", published.Changes);

        await host.Incidents.ChangeAsync(agent, incident.Id, view.Version, new SaveIncidentFields(null, null, true, null));
        var cleared = await host.Queries.GetAsync(agent, incident.Id);
        Assert.Equal((Priority.P1, (string?)null), (cleared.Priority, cleared.PriorityOverrideReason));
    }

    [Fact]
    public async Task Simultaneous_comments_without_an_expected_version_all_land()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(reporter, "Busy incident");

        // Each save loads the same version; the losers are applied again. A loss means another writer committed,
        // so with as many writers as the service has attempts every one is bound to land.
        await Task.WhenAll(Enumerable.Range(1, 4).Select(n => Task.Run(() =>
            host.Incidents.ChangeAsync(n % 2 == 0 ? agent : reporter, incident.Id, null, new AddComment($"Comment {n}", IsPublic: true)))));

        var stored = await host.StoredAsync(incident.Id);
        Assert.Equal(Enumerable.Range(1, 4).Select(n => $"Comment {n}").Order(),
            stored.Activities.Where(a => a.Kind == ActivityKind.PublicComment).Select(a => a.Text!).Order());
        Assert.Equal(incident.Version + 4, stored.Version);
    }
}
