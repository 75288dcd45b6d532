using System.Net;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Components;

/// <summary>The page shell (App.razor) only links to assets the server actually serves.</summary>
[Collection(PortalCollection.Name)]
public class AppTests(SharedPortal portal)
{
    [Fact]
    public async Task Every_stylesheet_icon_and_script_the_page_links_to_is_served()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetDocumentAsync("/Account/Login");
        var assets = page.QuerySelectorAll("link[rel=stylesheet][href], link[rel=icon][href]").Select(e => e.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(e => e.GetAttribute("src")!))
            .Distinct().ToList();
        Assert.Contains("_framework/blazor.web.js", assets);

        var missing = new List<string>();
        foreach (var asset in assets)
        {
            // Relative to <base href="/">, as the browser resolves them.
            using var response = await client.GetAsync(new Uri(new Uri("http://localhost/"), asset).PathAndQuery);
            if (response.StatusCode != HttpStatusCode.OK) missing.Add($"{asset} -> {(int)response.StatusCode}");
        }

        Assert.True(missing.Count == 0, "The page links to assets that are not served: " + string.Join(", ", missing));
    }
}
