using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Notifications.Components;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Notifications;

/// <summary>The bell in the app bar, on the real inbox: the unread count, the latest in its panel, and "mark all read".</summary>
public sealed class NotificationBellTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private NotificationInbox Inbox => host.Services.GetRequiredService<NotificationInbox>();

    private async Task<Actor> PersonWithNewsAsync(params string[] titles)
    {
        await using var db = await host.DbAsync();
        var user = new ApplicationUser { UserName = $"{Guid.NewGuid():N}@test.local", Email = $"{Guid.NewGuid():N}@test.local", DisplayName = "Bell Tester" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var notifier = host.Services.GetRequiredService<Notifier>();
        foreach (var title in titles)
        {
            await notifier.NotifyAsync([user.Id], new NotificationRequest(NotificationKind.Comment, title, null, null, null));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return new Actor(user.Id, user.DisplayName, IsAgent: true, IsIncidentManager: false, IsAdmin: false);
    }

    [Fact]
    public async Task The_bell_shows_the_unread_count_opens_on_the_latest_and_marks_all_read_in_the_inbox()
    {
        var actor = await PersonWithNewsAsync("First reply", "Second reply", "Newest reply");
        await using var ctx = PortalComponents.Create(host, actor);
        var popovers = ctx.Render<MudPopoverProvider>();
        var bell = ctx.Render<NotificationBell>();

        var button = bell.Find("button[aria-label^='Notifications']");
        Assert.Equal("Notifications, 3 unread", button.GetAttribute("aria-label"));
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        Assert.Equal("3", bell.Find(".mud-badge").TextContent.Trim());

        button.Click();
        popovers.WaitForAssertion(() => Assert.Contains("Newest reply", popovers.Find("section[aria-label='Latest notifications']").TextContent));
        var links = popovers.FindAll("section[aria-label='Latest notifications'] li a");
        Assert.Equal(3, links.Count);
        Assert.StartsWith("Newest reply", links[0].TextContent.Trim());
        Assert.Contains("(unread)", links[0].TextContent);
        Assert.Equal("true", bell.Find("button[aria-label^='Notifications']").GetAttribute("aria-expanded"));

        popovers.FindAll("section[aria-label='Latest notifications'] button").Single(b => b.TextContent.Contains("Mark all read")).Click();
        bell.WaitForAssertion(() => Assert.Equal("Notifications, none unread", bell.Find("button[aria-label^='Notifications']").GetAttribute("aria-label")));
        Assert.Equal(0, await Inbox.UnreadCountAsync(actor));
        Assert.Empty(bell.FindAll(".mud-badge"));
        popovers.WaitForAssertion(() => Assert.DoesNotContain("(unread)", popovers.Find("section[aria-label='Latest notifications']").TextContent));
    }

    [Fact]
    public async Task A_new_notification_raises_the_count_live()
    {
        var actor = await PersonWithNewsAsync();
        await using var ctx = PortalComponents.Create(host, actor);
        ctx.Render<MudPopoverProvider>();
        var bell = ctx.Render<NotificationBell>();
        Assert.Equal("Notifications, none unread", bell.Find("button[aria-label^='Notifications']").GetAttribute("aria-label"));

        await host.Services.GetRequiredService<Notifier>().NotifyAsync([actor.UserId],
            new NotificationRequest(NotificationKind.Assigned, "INC-000001 assigned to you", null, "/incidents/1", 1));

        bell.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", bell.Find("button[aria-label^='Notifications']").GetAttribute("aria-label")));
        Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim());
    }
}
