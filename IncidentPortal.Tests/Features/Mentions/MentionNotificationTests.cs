using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Mentions;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Mentions;

/// <summary>@mentions in work notes and review comments reach the staff they name, with a link to the very entry.</summary>
public sealed class MentionNotificationTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MentionDirectory Directory => host.Services.GetRequiredService<MentionDirectory>();

    [Fact]
    public async Task A_work_note_mention_notifies_the_named_agent_with_a_link_to_the_note()
    {
        var (reporter, manager, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Manager),
            await host.ActorAsync(DemoEmails.Agent));
        var incident = await host.ReportAsync(reporter, "Mention me");

        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment("@Alex Agent can you check the VPN logs? @Morgan Manager", IsPublic: false));

        var details = await host.Queries.GetAsync(agent, incident.Id);
        var note = details.Timeline.Single(t => t.Kind == ActivityKind.WorkNote);
        await using var db = await host.DbAsync();
        var mention = await db.Notifications.SingleAsync(n => n.IncidentId == incident.Id && n.Kind == NotificationKind.Mention);
        Assert.Equal(agent.UserId, mention.UserId);
        Assert.Equal($"/incidents/{incident.Id}#note-{note.Version}", mention.Link);
        Assert.Contains("Morgan Manager mentioned you", mention.Title);
        Assert.Contains("VPN logs", mention.Body);
    }

    [Fact]
    public async Task Public_replies_and_reporters_mention_nobody_and_a_reporter_is_never_mentioned()
    {
        var (reporter, other, manager) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.OtherReporter),
            await host.ActorAsync(DemoEmails.Manager));
        var incident = await host.ReportAsync(reporter, "No mentions here");

        await host.Incidents.ChangeAsync(reporter, incident.Id, null, new AddComment("@Alex Agent please hurry", IsPublic: true));
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment("@Alex Agent the reporter is waiting", IsPublic: true));
        await host.Incidents.ChangeAsync(manager, incident.Id, null, new AddComment($"@{other.Name} and @{reporter.Name} are affected", IsPublic: false));

        await using var db = await host.DbAsync();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.IncidentId == incident.Id && n.Kind == NotificationKind.Mention));
    }

    [Fact]
    public async Task Suggestions_list_staff_only_and_a_reporter_may_not_ask()
    {
        var (reporter, manager) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Manager));

        var all = await Directory.SuggestAsync(manager, "");
        Assert.Contains(all, p => p.Name == "Alex Agent");
        Assert.DoesNotContain(all, p => p.Name is "Riley Reporter" or "Jo Employee" || p.UserId == manager.UserId);
        Assert.Empty(await Directory.SuggestAsync(manager, "Riley"));
        Assert.Equal("Sam Security", (await Directory.SuggestAsync(manager, "Sam"))[0].Name);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Directory.SuggestAsync(reporter, "A"));
    }

    [Fact]
    public async Task A_review_comment_mention_links_to_the_comment()
    {
        var (reporter, manager, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Manager),
            await host.ActorAsync(DemoEmails.Agent));
        var incident = await host.ReportAsync(reporter, "Review mention");
        var reviews = host.Services.GetRequiredService<ReviewService>();
        await reviews.StartAsync(manager, incident.Id);
        await using var db = await host.DbAsync();
        var review = await db.IncidentReviews.SingleAsync(r => r.IncidentId == incident.Id);
        var section = await db.ReviewSections.FirstAsync(s => s.ReviewId == review.Id);

        await reviews.AddCommentAsync(manager, section.Id, "@alex agent is this what you saw?");

        var comment = await db.ReviewComments.SingleAsync(c => c.SectionId == section.Id);
        var mention = await db.Notifications.SingleAsync(n => n.IncidentId == incident.Id && n.Kind == NotificationKind.Mention);
        Assert.Equal(agent.UserId, mention.UserId);
        Assert.Equal($"/incidents/{incident.Id}/review#comment-{comment.Id}", mention.Link);
    }
}
