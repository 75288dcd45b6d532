using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Notifications;

/// <summary>The bell's and the notifications page's service: each user sees and marks only their own.</summary>
public sealed class NotificationInboxTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly InProcessEventBus events = new(NullLogger<InProcessEventBus>.Instance);
    private readonly FakeTimeProvider clock = new(TestClock.MondayMorning);
    private NotificationInbox inbox = null!;
    private Notifier notifier = null!;
    private Actor dana = null!;
    private Actor sam = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        inbox = new NotificationInbox(database.Factory, events, clock);
        notifier = new Notifier(database.Factory, events, clock, Options.Create(new PortalOptions()));
        dana = ActorFor(await database.AddUserAsync("dana"));
        sam = ActorFor(await database.AddUserAsync("sam"));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_user_sees_only_their_own_notifications_newest_first_with_the_unread_count()
    {
        await NotifyAsync(dana, "first");
        await NotifyAsync(sam, "for sam");
        await NotifyAsync(dana, "second");

        var list = await inbox.ListAsync(dana);

        Assert.Equal(["second", "first"], list.Items.Select(i => i.Title));
        Assert.Equal((2, 2), (list.Total, list.Unread));
        Assert.Equal(2, await inbox.UnreadCountAsync(dana));
        Assert.Equal(1, await inbox.UnreadCountAsync(sam));
    }

    [Fact]
    public async Task Marking_read_works_on_ones_own_notification_only_and_tells_the_users_other_pages()
    {
        await NotifyAsync(dana, "for dana");
        var danas = Assert.Single((await inbox.ListAsync(dana)).Items);
        var told = new List<string>();
        using var _ = events.Subscribe<NotificationsRead>(e => { told.Add(e.UserId); return Task.CompletedTask; });

        Assert.False(await inbox.MarkReadAsync(sam, danas.Id));
        Assert.Equal(1, await inbox.UnreadCountAsync(dana));
        Assert.Empty(told);

        Assert.True(await inbox.MarkReadAsync(dana, danas.Id));
        Assert.Equal(0, await inbox.UnreadCountAsync(dana));
        Assert.Equal([dana.UserId], told);
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal(clock.GetUtcNow().UtcDateTime, (await db.Notifications.SingleAsync()).ReadAt);
    }

    [Fact]
    public async Task Mark_all_read_touches_only_the_actors_unread_ones_and_the_unread_filter_follows()
    {
        await NotifyAsync(dana, "one");
        await NotifyAsync(dana, "two");
        await NotifyAsync(sam, "sam's");

        Assert.Equal(2, (await inbox.ListAsync(dana, unreadOnly: true)).Items.Count);
        Assert.Equal(2, await inbox.MarkAllReadAsync(dana));

        Assert.Empty((await inbox.ListAsync(dana, unreadOnly: true)).Items);
        Assert.Equal(2, (await inbox.ListAsync(dana)).Items.Count(i => i.IsRead));
        Assert.Equal(1, await inbox.UnreadCountAsync(sam));
        Assert.Equal(0, await inbox.MarkAllReadAsync(dana));
    }

    [Fact]
    public async Task Take_limits_the_list_but_the_total_counts_everything()
    {
        for (var i = 0; i < 5; i++) await NotifyAsync(dana, $"n{i}");

        var list = await inbox.ListAsync(dana, take: 3);

        Assert.Equal(["n4", "n3", "n2"], list.Items.Select(i => i.Title));
        Assert.Equal(5, list.Total);
    }

    private async Task NotifyAsync(Actor to, string title)
    {
        await notifier.NotifyAsync([to.UserId], new NotificationRequest(NotificationKind.System, title, null, null, null));
        clock.Advance(TimeSpan.FromSeconds(1));
    }

    private static Actor ActorFor(ApplicationUser user) => new(user.Id, user.DisplayName, false, false, false);
}
