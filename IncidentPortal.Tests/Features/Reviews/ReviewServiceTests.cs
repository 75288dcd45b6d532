using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Reviews;

/// <summary>Reviews through the real services on a real SQLite file: drafting, access rules, per-section conflicts, reminders.</summary>
public sealed class ReviewServiceTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private ReviewService Reviews => host.Services.GetRequiredService<ReviewService>();
    private ReviewQueries Queries => host.Services.GetRequiredService<ReviewQueries>();

    private async Task<(Actor Manager, Actor Agent, Actor Reporter, Incident Incident)> WorldAsync(string title)
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, title);
        await using var db = await host.DbAsync();
        var team = await db.Teams.Where(t => t.Members.Any(m => m.Id == manager.UserId)).Select(t => t.Id).FirstAsync();
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AssignIncident(team, manager.UserId));
        return (manager, await host.ActorAsync(DemoEmails.Agent), reporter, incident);
    }

    [Fact]
    public async Task Starting_copies_the_template_and_drafts_the_timeline_and_impact_and_a_second_start_returns_the_same_review()
    {
        var (manager, agent, _, incident) = await WorldAsync("Review drafting");

        var id = await Reviews.StartAsync(manager, incident.Id);
        Assert.Equal(id, await Reviews.StartAsync(agent, incident.Id));

        var review = (await Queries.ForIncidentAsync(agent, incident.Id))!;
        Assert.Equal(ReviewStatus.Draft, review.Status);
        Assert.Equal(ReviewTemplateDefaults.Sections.Select(s => s.Title), review.Sections.Select(s => s.Title));
        var timeline = review.SectionByKey(ReviewTemplateDefaults.Timeline)!.Body;
        Assert.Contains("Incident reported by Riley Reporter", timeline);
        Assert.Contains("Morgan Manager took the incident", timeline);
        Assert.Contains("- **Affected services:** VPN", review.SectionByKey(ReviewTemplateDefaults.Impact)!.Body);
    }

    [Fact]
    public async Task Reporters_read_a_review_only_once_it_is_published_and_shared_with_them()
    {
        var (manager, agent, reporter, incident) = await WorldAsync("Review access");
        var other = await host.ActorAsync(DemoEmails.OtherReporter);
        await Assert.ThrowsAsync<ReviewNotFoundException>(() => Queries.ForIncidentAsync(reporter, incident.Id));
        await Assert.ThrowsAsync<ReviewNotFoundException>(() => Reviews.StartAsync(reporter, incident.Id));

        var id = await Reviews.StartAsync(manager, incident.Id);
        var summary = (await Queries.ForIncidentAsync(manager, incident.Id))!.SectionByKey(ReviewTemplateDefaults.Summary)!;
        await Assert.ThrowsAsync<ReviewNotFoundException>(() => Reviews.SaveSectionAsync(reporter, summary.Id, summary.Version, "Mine now"));
        await Reviews.AddCommentAsync(agent, summary.Id, "Internal: blame the vendor");
        await Reviews.SubmitForReviewAsync(manager, id, 1, [agent.UserId]);
        await Assert.ThrowsAsync<ReviewNotFoundException>(() => Queries.ForIncidentAsync(reporter, incident.Id));
        // Agents may edit and send for review, but publishing is for incident managers.
        await Assert.ThrowsAsync<ReviewRuleException>(() => Reviews.PublishAsync(agent, id, 2, shareWithReporter: true));

        await Reviews.PublishAsync(manager, id, 2, shareWithReporter: false);
        await Assert.ThrowsAsync<ReviewNotFoundException>(() => Queries.ForIncidentAsync(reporter, incident.Id));
        Assert.False(await Queries.SharedWithAsync(reporter, incident.Id));

        await Reviews.ShareWithReporterAsync(manager, id, 3, share: true);
        var shared = (await Queries.ForIncidentAsync(reporter, incident.Id))!;
        Assert.True(await Queries.SharedWithAsync(reporter, incident.Id));
        Assert.Empty(shared.Reviewers);
        Assert.All(shared.Sections, s => Assert.Empty(s.Comments));
        // Another reporter never reads it.
        await Assert.ThrowsAsync<ReviewNotFoundException>(() => Queries.ForIncidentAsync(other, incident.Id));
        Assert.False(await Queries.SharedWithAsync(other, incident.Id));
    }

    [Fact]
    public async Task Concurrent_saves_conflict_only_within_the_same_section_and_every_save_keeps_a_revision()
    {
        var (manager, agent, _, incident) = await WorldAsync("Review conflicts");
        await Reviews.StartAsync(manager, incident.Id);
        var opened = (await Queries.ForIncidentAsync(agent, incident.Id))!;
        var summary = opened.SectionByKey(ReviewTemplateDefaults.Summary)!;
        var rootCause = opened.SectionByKey(ReviewTemplateDefaults.RootCause)!;

        var saved = await Reviews.SaveSectionAsync(manager, summary.Id, summary.Version, "Manager's summary");
        // The agent's page still shows the versions from before: the root cause saves, the summary conflicts.
        await Reviews.SaveSectionAsync(agent, rootCause.Id, rootCause.Version, "A looping cable");
        var conflict = await Assert.ThrowsAsync<SectionConflictException>(() =>
            Reviews.SaveSectionAsync(agent, summary.Id, summary.Version, "Agent's summary"));
        Assert.Equal(("Manager's summary", saved.Version, manager.UserId), (conflict.TheirBody, conflict.TheirVersion, conflict.TheirAuthorId));

        await Reviews.SaveSectionAsync(agent, summary.Id, conflict.TheirVersion, "Manager's and agent's summary");
        var revisions = await Queries.RevisionsAsync(agent, summary.Id);
        Assert.Equal([3, 2, 1], revisions.Select(r => r.Number));
        Assert.Equal(["Manager's and agent's summary", "Manager's summary"], revisions.Take(2).Select(r => r.Body));
        Assert.Equal(["Alex Agent", "Morgan Manager"], revisions.Take(2).Select(r => r.SavedBy));
    }

    [Fact]
    public async Task A_published_review_is_read_only()
    {
        var (manager, agent, _, incident) = await WorldAsync("Review read-only");
        var id = await Reviews.StartAsync(manager, incident.Id);
        await Reviews.SubmitForReviewAsync(manager, id, 1, [agent.UserId]);
        await Reviews.PublishAsync(manager, id, 2, shareWithReporter: false);
        var summary = (await Queries.ForIncidentAsync(manager, incident.Id))!.SectionByKey(ReviewTemplateDefaults.Summary)!;

        await Assert.ThrowsAsync<ReviewRuleException>(() => Reviews.SaveSectionAsync(manager, summary.Id, summary.Version, "Too late"));
        await Assert.ThrowsAsync<ReviewRuleException>(() => Reviews.AddCommentAsync(agent, summary.Id, "Too late"));
        Assert.Equal(summary.Body, (await Queries.ForIncidentAsync(manager, incident.Id))!.SectionByKey(ReviewTemplateDefaults.Summary)!.Body);
    }

    [Fact]
    public async Task Incident_managers_are_reminded_of_required_reviews_once_per_interval_until_one_exists()
    {
        var reminder = host.Services.GetRequiredService<ReviewReminder>();
        await reminder.RemindAsync();
        await using var db = await host.DbAsync();
        // Demo P1/P2 incidents that are resolved or closed and have no review.
        var due = await db.Incidents.Where(i => (i.Status == IncidentStatus.Resolved || i.Status == IncidentStatus.Closed)
                && (i.Priority == Priority.P1 || i.Priority == Priority.P2) && !db.IncidentReviews.Any(r => r.IncidentId == i.Id))
            .Select(i => i.Id).ToListAsync();
        Assert.NotEmpty(due);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        int Reminders(int incidentId) => db.Notifications.Count(n => n.UserId == manager.UserId && n.Kind == NotificationKind.System
            && n.Link == $"/incidents/{incidentId}/review");
        Assert.All(due, id => Assert.Equal(1, Reminders(id)));
        var resolvedP4 = await db.Incidents.Where(i => i.Priority == Priority.P4 && i.Status == IncidentStatus.Resolved).Select(i => i.Id).FirstAsync();
        Assert.Equal(0, Reminders(resolvedP4));

        Assert.Equal(0, await reminder.RemindAsync());
        await Reviews.StartAsync(manager, due[0]);
        host.Clock.Advance(TimeSpan.FromHours(25));
        await reminder.RemindAsync();
        Assert.Equal(1, Reminders(due[0]));
        Assert.All(due.Skip(1), id => Assert.Equal(2, Reminders(id)));
    }
}
