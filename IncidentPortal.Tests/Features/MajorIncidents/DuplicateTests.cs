using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Features.Incidents.Support;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>Duplicates: closed with a link, the reporter told and following the original's public parts only.</summary>
public class DuplicateTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task Marking_a_duplicate_closes_it_with_a_link_tells_its_reporter_and_notes_it_on_both()
    {
        var (reporter, other, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.OtherReporter), await host.ActorAsync(DemoEmails.Agent));
        var original = await host.ReportAsync(other, "Printer jams on every page");
        var duplicate = await host.ReportAsync(reporter, "Printer on floor 2 jams");

        await host.Incidents.MarkDuplicateAsync(agent, duplicate.Id, original.Reference.ToLowerInvariant());

        var stored = await host.StoredAsync(duplicate.Id);
        Assert.Equal(IncidentStatus.Closed, stored.Status);
        Assert.Equal(original.Id, stored.DuplicateOfId);
        Assert.Equal(ResolutionCode.Duplicate, stored.ResolutionCode);
        Assert.Contains(stored.Activities, a => a.IsPublic && a.Kind == ActivityKind.PublicComment
            && a.Text == $"Your report is a duplicate of {original.Reference}; follow it there.");
        var onOriginal = (await host.StoredAsync(original.Id)).Activities.Last();
        Assert.Equal(ActivityKind.Event, onOriginal.Kind);
        Assert.Contains(duplicate.Reference, onOriginal.Text);
        Assert.False(onOriginal.IsPublic); // the original's reporter is not told about someone else's report
        var reporterView = await host.Queries.GetAsync(reporter, duplicate.Id);
        Assert.Contains(reporterView.Timeline, t => t.Text == Incident.DuplicateNotice(original.Reference));
        Assert.Equal(original.Id, (await host.Incidents.DuplicateOfAsync(reporter, duplicate.Id))?.Id);
    }

    [Theory]
    [InlineData("self")]
    [InlineData("missing")]
    [InlineData("chain")]
    [InlineData("garbage")]
    public async Task The_original_must_exist_differ_and_not_be_a_duplicate_itself_and_nothing_changes_otherwise(string wrong)
    {
        var (reporter, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Agent));
        var incident = await host.ReportAsync(reporter, "Mail slow");
        var first = await host.ReportAsync(reporter, "Mail down");
        var second = await host.ReportAsync(reporter, "Mail gone");
        await host.Incidents.MarkDuplicateAsync(agent, second.Id, first.Reference);
        var reference = wrong switch
        {
            "self" => incident.Reference,
            "missing" => "INC-999999",
            "chain" => second.Reference,
            _ => "printer",
        };

        var refused = await Assert.ThrowsAsync<IncidentRuleException>(() => host.Incidents.MarkDuplicateAsync(agent, incident.Id, reference));

        if (wrong == "chain") Assert.Contains(first.Reference, refused.Message);
        var stored = await host.StoredAsync(incident.Id);
        Assert.Equal(IncidentStatus.New, stored.Status);
        Assert.Null(stored.DuplicateOfId);
    }

    [Fact]
    public async Task A_loop_cannot_form_and_reporters_cannot_mark_duplicates()
    {
        var (reporter, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Agent));
        var a = await host.ReportAsync(reporter, "Wifi drops");
        var b = await host.ReportAsync(reporter, "Wifi dropping");
        await host.Incidents.MarkDuplicateAsync(agent, b.Id, a.Reference);

        await Assert.ThrowsAsync<IncidentRuleException>(() => host.Incidents.MarkDuplicateAsync(agent, a.Id, b.Reference));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => host.Incidents.MarkDuplicateAsync(reporter, a.Id, "INC-000001"));
        Assert.Null((await host.StoredAsync(a.Id)).DuplicateOfId);
    }

    [Fact]
    public async Task A_duplicates_reporter_sees_the_originals_public_comments_but_never_work_notes_and_a_stranger_sees_nothing()
    {
        var (reporter, other, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.OtherReporter), await host.ActorAsync(DemoEmails.Agent));
        var stranger = await host.ActorAsync(DemoEmails.Manager) with { IsAgent = false, IsIncidentManager = false, IsAdmin = false };
        var original = await host.ReportAsync(other, "Share drive offline");
        var duplicate = await host.ReportAsync(reporter, "Cannot open S:");
        await host.Incidents.ChangeAsync(agent, original.Id, null, new AddComment("We are restarting the file server.", IsPublic: true));
        await host.Incidents.ChangeAsync(agent, original.Id, null, new AddComment("Secret: the admin password is on a sticky note", IsPublic: false));

        // Before the mark the reporter of the other incident sees nothing of the original.
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => host.Queries.GetAsync(reporter, original.Id));
        await host.Incidents.MarkDuplicateAsync(agent, duplicate.Id, original.Reference);

        var followed = await host.Queries.GetAsync(reporter, original.Id);
        Assert.True(followed.ViewerFollows);
        Assert.Contains(followed.Timeline, t => t.Text == "We are restarting the file server.");
        Assert.DoesNotContain(followed.Timeline, t => !t.IsPublic || (t.Text ?? "").Contains("Secret"));
        Assert.Equal("", followed.Description); // the other reporter's own words stay theirs
        Assert.Equal("", followed.ReporterName);
        Assert.Null(followed.ReporterEmail);
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => host.Queries.GetAsync(stranger, original.Id));
        // Following is reading: the follower cannot comment on the original.
        await Assert.ThrowsAsync<IncidentNotFoundException>(() =>
            host.Incidents.ChangeAsync(reporter, original.Id, null, new AddComment("Me too", IsPublic: true)));
    }

    [Fact]
    public async Task Undo_returns_it_to_work_tells_the_reporter_and_ends_the_following()
    {
        var (reporter, other, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.OtherReporter), await host.ActorAsync(DemoEmails.Agent));
        var original = await host.ReportAsync(other, "Laptop will not boot");
        var duplicate = await host.ReportAsync(reporter, "Laptop black screen");
        await host.Incidents.MarkDuplicateAsync(agent, duplicate.Id, original.Reference);

        await host.Incidents.UnmarkDuplicateAsync(agent, duplicate.Id);

        var stored = await host.StoredAsync(duplicate.Id);
        Assert.True(stored.IsOpen);
        Assert.Null(stored.DuplicateOfId);
        Assert.Null(stored.ResolutionCode);
        Assert.Contains("not a duplicate", stored.Activities.Last().Text);
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => host.Queries.GetAsync(reporter, original.Id));
        await Assert.ThrowsAsync<IncidentRuleException>(() => host.Incidents.UnmarkDuplicateAsync(agent, duplicate.Id));
    }
}
