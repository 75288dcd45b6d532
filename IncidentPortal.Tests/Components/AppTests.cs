using System.Net;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;

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
        // .NET 10's own client script, fingerprinted by MapStaticAssets (blazor.web.<hash>.js), not a copied one.
        Assert.Contains(assets, a => System.Text.RegularExpressions.Regex.IsMatch(a, @"^_framework/blazor\.web\.[a-z0-9]+\.js$"));

        var missing = new List<string>();
        foreach (var asset in assets)
        {
            // Relative to <base href="/">, as the browser resolves them.
            using var response = await client.GetAsync(new Uri(new Uri("http://localhost/"), asset).PathAndQuery);
            if (response.StatusCode != HttpStatusCode.OK) missing.Add($"{asset} -> {(int)response.StatusCode}");
        }

        Assert.True(missing.Count == 0, "The page links to assets that are not served: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_framework_script_is_served_fingerprinted_and_cached_immutably()
    {
        // As published: run from a build's manifest (dotnet run, this test host) MapStaticAssets reloads assets at run
        // time and answers no-cache, whatever the environment; a published app does not. The setting gives the latter.
        using var factory = new PortalFactory();
        using var production = factory.WithWebHostBuilder(b =>
            b.UseEnvironment("Production").UseSetting("ReloadStaticAssetsAtRuntime", "false"));
        using var client = new PortalClient(production.CreateDefaultClient(), new CookieContainer());
        var page = await client.GetDocumentAsync("/Account/Login");
        var script = page.QuerySelectorAll("script[src]").Select(e => e.GetAttribute("src")!)
            .Single(src => src.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));

        using var response = await client.GetAsync("/" + script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length > 100_000, $"The script is only {body.Length} characters: not the framework's client.");
    }
}
