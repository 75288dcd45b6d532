using Bunit;
using IncidentPortal.Features.Notifications.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Components.Notifications;

/// <summary>The weekly reports digest on the preferences page: a switch for incident managers and admins only, off by default.</summary>
public sealed class NotificationPreferencesPageTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private const string DigestLabel = "Email me the weekly reports digest";

    [Fact]
    public async Task A_manager_switches_the_digest_on_and_is_told_when_it_comes()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        await using var ctx = PortalComponents.Create(host, manager);
        var page = ctx.Render<NotificationPreferencesPage>();

        page.WaitForAssertion(() => Assert.Contains("Every Monday at 08:00 in your time zone", page.Markup));
        var digest = page.Find("section[aria-labelledby='digest-heading'] input[type='checkbox']");
        Assert.Contains(DigestLabel, digest.Closest("label")!.TextContent);
        Assert.False(digest.HasAttribute("checked"));

        digest.Change(true);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save preferences").Click();

        page.WaitForAssertion(() => Assert.Contains("Preferences saved.", page.Markup));
        Assert.Contains("Next digest: Mon 30 Nov 2026, 08:00", page.Markup);   // the demo manager has no zone: UTC
        await using var db = await host.DbAsync();
        Assert.True(await db.ReportDigestSubscriptions.AnyAsync(s => s.UserId == manager.UserId));
    }

    [Theory]
    [InlineData(DemoEmails.Agent)]
    [InlineData(DemoEmails.Reporter)]
    public async Task Agents_and_reporters_have_no_digest_switch(string email)
    {
        await using var ctx = PortalComponents.Create(host, await host.ActorAsync(email));
        var page = ctx.Render<NotificationPreferencesPage>();

        page.WaitForAssertion(() => Assert.Contains("Save preferences", page.Markup));
        Assert.DoesNotContain("weekly reports digest", page.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.FindAll("section[aria-labelledby='digest-heading']"));
    }
}
