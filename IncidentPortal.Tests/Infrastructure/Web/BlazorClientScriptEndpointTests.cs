using System.Net;
using System.Net.Http.Headers;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Infrastructure.Web;

/// <summary>The Blazor client script is taken from a package at build time and served by our own endpoint.</summary>
[Collection(PortalCollection.Name)]
public class BlazorClientScriptEndpointTests(SharedPortal portal)
{
    [Fact]
    public async Task Serves_the_Blazor_client_script_as_JavaScript()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/_framework/blazor.web.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        Assert.True(script.Length > 50_000, $"The script is only {script.Length} characters: not the real Blazor client.");
        Assert.Contains("Blazor", script);
    }

    [Fact]
    public async Task The_script_is_revalidated_with_its_ETag()
    {
        using var client = portal.CreatePortalClient();
        using var first = await client.GetAsync("/_framework/blazor.web.js");
        Assert.True(first.Headers.CacheControl?.NoCache, "Cache-Control: no-cache expected, so browsers revalidate.");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/_framework/blazor.web.js");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var second = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}
