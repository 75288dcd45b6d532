using System.Net;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Public;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Features.StatusPage.Public;

/// <summary>The public status page over the real app and a real SQLite file: static HTML, cookie-free, cached, evicted on change.</summary>
public sealed class StatusPublicPageTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    [Fact]
    public async Task The_page_is_static_cookie_free_html_served_from_the_cache_until_a_change_evicts_it()
    {
        await StatusTestData.AnnounceAsync(portal.Services);
        using var http = portal.CreateClient();
        using var first = await http.GetAsync("/status");
        var html = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Contains("public", first.Headers.CacheControl!.ToString());
        Assert.DoesNotContain("blazor.web.js", html);
        Assert.Contains("/status-assets/status.js", html);

        // Written to the database without the event: the cached page does not change...
        var name = AdminPortalFactory.Unique("Payroll portal");
        await StatusTestData.AddComponentAsync(portal.Services, name, "Business apps", ComponentStatus.PartialOutage, "Payslips slow to load");
        Assert.DoesNotContain(name, await http.GetStringAsync("/status"));
        using var revalidated = new HttpRequestMessage(HttpMethod.Get, "/status");
        revalidated.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(revalidated)).StatusCode);

        // ...until the change is announced: the tag is evicted and the next request renders the new state.
        await StatusTestData.AnnounceAsync(portal.Services);
        using var second = await http.GetAsync("/status");
        var fresh = await second.Content.ReadAsStringAsync();
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Contains(name, fresh);
        Assert.Contains("Partial outage", fresh);
        Assert.Contains("Payslips slow to load", fresh); // today's tooltip on the uptime bar
        Assert.Contains("data-status=\"partial_outage\"", fresh);

        var fragment = await http.GetStringAsync("/status?fragment=1");
        Assert.StartsWith("<div id=\"status-board\"", fragment.TrimStart());
        Assert.Contains(name, fragment);
        Assert.DoesNotContain("<html", fragment);
    }

    [Fact]
    public async Task Active_incidents_show_their_update_history_and_the_incident_and_history_pages_list_them()
    {
        var component = await StatusTestData.AddComponentAsync(portal.Services, AdminPortalFactory.Unique("Webshop"), null, ComponentStatus.MajorOutage);
        var title = AdminPortalFactory.Unique("Checkout unavailable");
        var published = await StatusTestData.PublishIncidentAsync(portal, AdminPortalFactory.Unique("internal"), "note", title,
            "A payment provider is failing; we are switching providers.", component.Id, ComponentStatus.MajorOutage);
        await StatusTestData.AnnounceAsync(portal.Services);
        using var http = portal.CreateClient();

        var page = await http.GetStringAsync("/status");
        Assert.Contains("Major outage", page);
        Assert.Contains(title, page);
        Assert.True(page.IndexOf("switching providers", StringComparison.Ordinal) < page.IndexOf("looking into reports", StringComparison.Ordinal),
            "updates are listed newest first");

        var detail = await http.GetStringAsync($"/status/incidents/{published.Id}");
        Assert.Contains(title, detail);
        Assert.Contains("Identified", detail);
        var month = DateTime.UtcNow.ToString("yyyy-MM");
        Assert.Contains(title, await http.GetStringAsync($"/status/history?month={month}"));
        Assert.DoesNotContain(title, await http.GetStringAsync("/status/history?month=2020-01"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/status/incidents/999999")).StatusCode);
    }
}
