using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.SavedViews;

namespace IncidentPortal.Tests.Features.Incidents.Queue;

/// <summary>Saved views: personal ones are their owner's alone; shared ones are seen by the team and managed by managers.</summary>
public sealed class SavedViewServiceTests : IAsyncLifetime
{
    private readonly QueueWorld world = new();
    private SavedViewService views = null!;

    public async Task InitializeAsync()
    {
        await world.InitializeAsync();
        views = new SavedViewService(world.Db, world.Queue, world.Clock);
    }

    public Task DisposeAsync() => world.DisposeAsync();

    private IncidentPortal.Features.Accounts.Actor Manager => world.Outsider with { IsIncidentManager = true };

    [Fact]
    public async Task A_personal_view_is_seen_and_changed_by_its_owner_only()
    {
        var saved = await views.SaveAsync(world.Me, new SavedViewDraft("  My P3s  ", new QueueQuery { Priority = Priority.P3, Sort = QueueSort.Created, Descending = true }));

        Assert.Equal(("My P3s", "priority=P3&sort=created", true, true), (saved.Name, saved.Query, saved.IsPinned, saved.CanManage));
        Assert.Equal("queue?priority=P3&sort=created", saved.Url);
        Assert.Empty(await views.ListAsync(world.Colleague));
        Assert.Empty(await views.ListAsync(Manager));
        await Assert.ThrowsAsync<SavedViewNotFoundException>(() => views.RenameAsync(world.Colleague, saved.Id, "Mine now"));
        await Assert.ThrowsAsync<SavedViewNotFoundException>(() => views.DeleteAsync(Manager, saved.Id));

        await views.RenameAsync(world.Me, saved.Id, "Medium priority");
        await views.PinAsync(world.Me, saved.Id, false);
        var mine = Assert.Single(await views.ListAsync(world.Me));
        Assert.Equal(("Medium priority", false), (mine.Name, mine.IsPinned));
        await views.DeleteAsync(world.Me, saved.Id);
        Assert.Empty(await views.ListAsync(world.Me));
    }

    [Fact]
    public async Task Only_managers_share_a_view_its_team_sees_it_and_agents_cannot_change_it()
    {
        var draft = new SavedViewDraft("Network unassigned", new QueueQuery { View = QueueView.Unassigned, TeamId = world.Teams["Network"] }, world.Teams["Network"]);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => views.SaveAsync(world.Me, draft));
        Assert.Empty(await views.ListAsync(world.Me));

        var shared = await views.SaveAsync(Manager, draft);

        Assert.Equal(("Network", true), (shared.Team, shared.CanManage));
        var seenByMember = Assert.Single(await views.ListAsync(world.Colleague));
        Assert.Equal((shared.Id, false), (seenByMember.Id, seenByMember.CanManage));
        Assert.Empty(await views.ListAsync(world.Outsider)); // an agent of Applications, not a manager
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => views.DeleteAsync(world.Me, shared.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => views.PinAsync(world.Colleague, shared.Id, false));
        await Assert.ThrowsAsync<SavedViewNotFoundException>(() => views.DeleteAsync(world.Outsider, shared.Id));

        await views.DeleteAsync(Manager, shared.Id);
        Assert.Empty(await views.ListAsync(world.Colleague));
    }

    [Fact]
    public async Task Views_are_reordered_within_their_owner_s_list()
    {
        var a = await views.SaveAsync(world.Me, new SavedViewDraft("A", new QueueQuery { Priority = Priority.P1 }));
        var b = await views.SaveAsync(world.Me, new SavedViewDraft("B", new QueueQuery { Priority = Priority.P2 }));
        var c = await views.SaveAsync(world.Me, new SavedViewDraft("C", new QueueQuery { Priority = Priority.P3 }));

        await views.MoveAsync(world.Me, c.Id, -1);
        Assert.Equal(["A", "C", "B"], (await views.ListAsync(world.Me)).Select(v => v.Name));
        await views.MoveAsync(world.Me, a.Id, -1); // already first
        await views.MoveAsync(world.Me, a.Id, 1);
        Assert.Equal(["C", "A", "B"], (await views.ListAsync(world.Me)).Select(v => v.Name));
        Assert.NotEqual(b.Id, c.Id);
    }

    [Fact]
    public async Task A_nameless_or_duplicate_view_is_refused_with_a_message_and_nothing_is_saved()
    {
        await views.SaveAsync(world.Me, new SavedViewDraft("Urgent", new QueueQuery { Priority = Priority.P1 }));

        Assert.Equal("Give the view a name.", (await Assert.ThrowsAsync<SavedViewException>(() =>
            views.SaveAsync(world.Me, new SavedViewDraft("   ", new QueueQuery())))).Message);
        Assert.Contains("already a view called", (await Assert.ThrowsAsync<SavedViewException>(() =>
            views.SaveAsync(world.Me, new SavedViewDraft("URGENT", new QueueQuery())))).Message);
        await Assert.ThrowsAsync<SavedViewException>(() => views.SaveAsync(world.Me, new SavedViewDraft(new string('x', 61), new QueueQuery())));
        Assert.Single(await views.ListAsync(world.Me));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => views.ListAsync(world.Reporter));
    }

    [Fact]
    public async Task A_view_s_count_is_its_open_matches_and_follows_changes()
    {
        var p3 = await views.SaveAsync(world.Me, new SavedViewDraft("Network P3", new QueueQuery { Priority = Priority.P3, TeamId = world.Teams["Network"] }));
        Assert.Equal(2, (await views.CountsAsync(world.Me, [p3]))[p3.Id]); // dns, cert

        await world.Incidents.ChangeAsync(world.Me, world.Ids["dns"], null, new OverridePriority(Priority.P1, "Whole office"));

        Assert.Equal(1, (await views.CountsAsync(world.Me, [p3]))[p3.Id]);
    }
}
