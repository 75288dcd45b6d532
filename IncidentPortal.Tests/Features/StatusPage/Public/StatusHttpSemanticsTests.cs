using System.Net;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Features.StatusPage.Public;

/// <summary>Issue 21, defect 14: HEAD for uptime monitors, an Age no cache must refuse, and Vary on every copy.</summary>
public sealed class StatusHttpSemanticsTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private static readonly string[] Routes = ["/status", "/status/history", "/status/history.atom"];

    [Fact]
    public async Task Head_answers_like_get_on_the_status_page_its_history_and_the_feed()
    {
        using var http = portal.CreateClient();
        foreach (var route in Routes)
        {
            using var get = await http.GetAsync(route);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, route));

            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {route}: {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
            Assert.NotNull(head.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_copy_served_from_the_output_cache_never_says_it_is_older_than_its_max_age()
    {
        using var http = portal.CreateClient();
        using (var first = await http.GetAsync("/status")) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var maxAge = (await http.GetAsync("/status")).Headers.CacheControl!.MaxAge!.Value;

        // Real time: the output cache dates its copies with the system clock. Nothing changes meanwhile, so the copy stays.
        await Task.Delay(maxAge + TimeSpan.FromSeconds(2));
        using var later = await http.GetAsync("/status");

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var age = later.Headers.Age;
        Assert.True(age is null || age <= maxAge, $"Age {age} > max-age {maxAge}: no browser or proxy may reuse it");
    }

    [Theory]
    [InlineData("")]
    [InlineData("gzip")]
    [InlineData("gzip, deflate, br")]
    public async Task Every_copy_plain_or_compressed_says_it_varies_by_accept_encoding_once(string acceptEncoding)
    {
        using var http = portal.CreateClient();
        foreach (var route in Routes.Append("/api/v2/summary.json"))
        {
            for (var attempt = 0; attempt < 2; attempt++) // rendered, then from the cache
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, route);
                if (acceptEncoding != "") request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
                using var response = await http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(["Accept-Encoding"], response.Headers.Vary.Where(v => v.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase)));
            }
        }
    }
}
