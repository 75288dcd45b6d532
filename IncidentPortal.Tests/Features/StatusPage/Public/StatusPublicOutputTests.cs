using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Features.StatusPage.Public;

/// <summary>
/// Every public status output: cache headers, never a cookie, never internal text; the JSON summary in Statuspage's
/// shape and a valid Atom 1.0 feed.
/// </summary>
public sealed class StatusPublicOutputTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Every_public_route_is_cacheable_sets_no_cookie_and_never_shows_internal_titles_or_work_notes()
    {
        var secretTitle = AdminPortalFactory.Unique("INTERNAL-core-switch-sw42-firmware");
        var secretNote = AdminPortalFactory.Unique("SECRET-WORKNOTE-vendor-ticket-7781");
        var component = await StatusTestData.AddComponentAsync(portal.Services, AdminPortalFactory.Unique("VPN"), "Network");
        var published = await StatusTestData.PublishIncidentAsync(portal, secretTitle, secretNote, "VPN connections drop",
            "Some users are disconnected from the VPN; a fix is being deployed.", component.Id, ComponentStatus.PartialOutage);
        await StatusTestData.AnnounceAsync(portal.Services);

        string[] routes = ["/status", "/status?fragment=1", $"/status/incidents/{published.Id}", "/status/history",
            $"/status/history?month={DateTime.UtcNow:yyyy-MM}", "/status/history.atom", "/api/v2/summary.json", "/api/v2/status.json"];
        using var anonymous = portal.CreateClient();
        using var signedIn = await portal.SignInDemoAsync(DemoAccounts.Manager);
        foreach (var route in routes)
        {
            foreach (var (who, http) in new[] { ("anonymous", anonymous), ("signed in", signedIn.Http) })
            {
                // Twice: the first render and the cached copy must both be clean.
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    using var response = await http.GetAsync(route);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} ({who}): {(int)response.StatusCode}");
                    Assert.False(response.Headers.Contains("Set-Cookie"), $"{route} ({who}) sets a cookie");
                    var cacheControl = response.Headers.CacheControl;
                    Assert.True(cacheControl is { Public: true, MaxAge: not null }, $"{route} ({who}): Cache-Control {cacheControl}");
                    Assert.NotNull(response.Headers.ETag);
                    Assert.DoesNotContain(secretTitle, body);
                    Assert.DoesNotContain(secretNote, body);
                    Assert.DoesNotContain("SECRET-WORKNOTE", body);
                    Assert.DoesNotContain("INTERNAL-core-switch", body);
                }
            }
        }
        // The public text is there, so the checks above looked at real content.
        Assert.Contains("a fix is being deployed", await anonymous.GetStringAsync("/status"));
        Assert.Contains("a fix is being deployed", await anonymous.GetStringAsync("/status/history.atom"));
        Assert.Contains("a fix is being deployed", await anonymous.GetStringAsync("/api/v2/summary.json"));

        using var events = await anonymous.GetAsync("/status/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("no-store", events.Headers.CacheControl?.ToString());
        Assert.False(events.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_public_pages_load_only_their_own_assets_never_the_apps_component_library_or_blazor()
    {
        using var anonymous = portal.CreateClient();
        string[] pages = ["/status", "/status/history", "/status/subscribe"];
        foreach (var page in pages)
        {
            var html = await anonymous.GetStringAsync(page);
            // The page is real (its own stylesheet is there), and nothing of the interactive app is.
            Assert.Contains("/status-assets/", html);
            Assert.DoesNotContain("MudBlazor", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("_content/", html);
            Assert.DoesNotContain("blazor.web", html);
            Assert.DoesNotContain("IncidentPortal.styles.css", html);
        }
    }

    [Fact]
    public async Task The_json_summary_has_statuspage_shape_and_the_status_json_its_indicator()
    {
        var group = AdminPortalFactory.Unique("Collaboration");
        var component = await StatusTestData.AddComponentAsync(portal.Services, AdminPortalFactory.Unique("Email"), group, ComponentStatus.MajorOutage);
        var published = await StatusTestData.PublishIncidentAsync(portal, "internal", "note", "Email delays",
            "Mail is delayed by up to 30 minutes.", component.Id, ComponentStatus.MajorOutage);
        await StatusTestData.AnnounceAsync(portal.Services);
        using var http = portal.CreateClient();

        using var summary = JsonDocument.Parse(await http.GetStringAsync("/api/v2/summary.json"));
        var root = summary.RootElement;
        Assert.Equal("incidentportal", root.GetProperty("page").GetProperty("id").GetString());
        Assert.EndsWith("/status", root.GetProperty("page").GetProperty("url").GetString());
        Assert.True(root.GetProperty("page").GetProperty("updated_at").TryGetDateTime(out _));
        Assert.Equal("critical", root.GetProperty("status").GetProperty("indicator").GetString());
        Assert.Equal("Major outage", root.GetProperty("status").GetProperty("description").GetString());

        var components = root.GetProperty("components").EnumerateArray().ToList();
        var email = components.Single(c => c.GetProperty("id").GetString() == component.Id.ToString());
        Assert.Equal("major_outage", email.GetProperty("status").GetString());
        Assert.False(email.GetProperty("group").GetBoolean());
        var groupRow = components.Single(c => c.GetProperty("name").GetString() == group);
        Assert.True(groupRow.GetProperty("group").GetBoolean());
        Assert.Equal(groupRow.GetProperty("id").GetString(), email.GetProperty("group_id").GetString());
        Assert.Contains(component.Id.ToString(), groupRow.GetProperty("components").EnumerateArray().Select(c => c.GetString()));

        var incident = root.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("id").GetString() == published.Id.ToString());
        Assert.Equal(("Email delays", "identified", "critical"),
            (incident.GetProperty("name").GetString(), incident.GetProperty("status").GetString(), incident.GetProperty("impact").GetString()));
        var updates = incident.GetProperty("incident_updates").EnumerateArray().ToList();
        Assert.Equal(["identified", "investigating"], updates.Select(u => u.GetProperty("status").GetString()));
        Assert.Equal("Mail is delayed by up to 30 minutes.", updates[0].GetProperty("body").GetString());
        Assert.Equal("major_outage", updates[0].GetProperty("affected_components")[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("scheduled_maintenances").ValueKind);

        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/v2/status.json"));
        Assert.Equal("critical", status.RootElement.GetProperty("status").GetProperty("indicator").GetString());
        Assert.False(status.RootElement.TryGetProperty("components", out _));
    }

    [Fact]
    public async Task The_atom_feed_is_valid_atom_1_0_with_an_entry_per_public_update()
    {
        var component = await StatusTestData.AddComponentAsync(portal.Services, AdminPortalFactory.Unique("Payroll"), null);
        var title = AdminPortalFactory.Unique("Payroll exports failing");
        var published = await StatusTestData.PublishIncidentAsync(portal, "internal", "note", title,
            "Exports fail with a timeout & retry <later>.", component.Id, ComponentStatus.DegradedPerformance);
        await StatusTestData.AnnounceAsync(portal.Services);
        using var http = portal.CreateClient();

        using var response = await http.GetAsync("/status/history.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // RFC 4287 §4.1.1: exactly one id, title and updated; an author (on the feed, since entries have none); a self link.
        foreach (var required in new[] { "id", "title", "updated", "author" }) Assert.Single(feed.Elements(Atom + required));
        Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")!.Value, UriKind.Absolute));
        Assert.NotNull(feed.Element(Atom + "author")!.Element(Atom + "name"));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string?)l.Attribute("href"))!.EndsWith("/status/history.atom"));
        AssertRfc3339(feed.Element(Atom + "updated")!.Value);

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated", "content" }) Assert.Single(entry.Elements(Atom + required));
            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
            AssertRfc3339(entry.Element(Atom + "updated")!.Value);
            Assert.Equal("text", (string?)entry.Element(Atom + "content")!.Attribute("type"));
            Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        }
        var ours = entries.Where(e => e.Element(Atom + "title")!.Value.StartsWith(title)).ToList();
        Assert.Equal(2, ours.Count);
        Assert.Contains("Exports fail with a timeout & retry <later>.", ours[0].Element(Atom + "content")!.Value);
        Assert.EndsWith($"/status/incidents/{published.Id}", (string?)ours[0].Element(Atom + "link")!.Attribute("href"));
        var updated = entries.Select(e => DateTime.Parse(e.Element(Atom + "updated")!.Value).ToUniversalTime()).ToList();
        Assert.Equal(updated.OrderByDescending(u => u), updated);

        // And a real feed reader (System.ServiceModel.Syndication's Atom 1.0 formatter) reads it as such.
        using var reader = System.Xml.XmlReader.Create(new StringReader(await http.GetStringAsync("/status/history.atom")));
        var formatter = new System.ServiceModel.Syndication.Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        var syndicated = formatter.Feed.Items.Where(i => i.Title.Text.StartsWith(title)).ToList();
        Assert.Equal(2, syndicated.Count);
        Assert.Contains("Exports fail with a timeout & retry <later>.", ((System.ServiceModel.Syndication.TextSyndicationContent)syndicated[0].Content).Text);
        Assert.EndsWith($"/status/incidents/{published.Id}", syndicated[0].Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
    }

    private static void AssertRfc3339(string value) =>
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", value);
}
