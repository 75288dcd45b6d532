using System.IO.Compression;
using System.Net;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Public;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.AspNetCore.Http;

namespace IncidentPortal.Tests.Features.StatusPage.Public;

/// <summary>The public outputs are stored compressed per encoding and each client gets the one it asked for.</summary>
public sealed class StatusCompressionTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("", null)]
    public async Task The_page_and_summary_come_in_the_encoding_the_client_accepts_with_the_same_content(string acceptEncoding, string? expected)
    {
        var name = AdminPortalFactory.Unique("Compressed component");
        await StatusTestData.AddComponentAsync(portal.Services, name, null, ComponentStatus.DegradedPerformance);
        await StatusTestData.AnnounceAsync(portal.Services);
        using var http = portal.CreateClient();
        foreach (var route in new[] { "/status", "/api/v2/summary.json" })
        {
            // Twice: the first render and the copy the output cache keeps for this encoding.
            for (var attempt = 0; attempt < 2; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, route);
                if (acceptEncoding != "") request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
                using var response = await http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
                // A plain response may go to anyone; a compressed one tells shared caches it depends on the request.
                if (expected is not null) Assert.Contains("Accept-Encoding", response.Headers.Vary);
                Assert.False(response.Headers.Contains("Set-Cookie"));
                Assert.Contains(name, await DecodeAsync(response, expected));
            }
        }
    }

    [Theory]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("BR", "br")]
    [InlineData("identity", "identity")]
    [InlineData("deflate, gzip;q=0", "identity")]
    public void Negotiation_matches_what_the_compression_middleware_sends(string header, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = header;
        Assert.Equal(expected, StatusCompression.Negotiate(context.Request));
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response, string? encoding)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var decoded = encoding switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }
}
