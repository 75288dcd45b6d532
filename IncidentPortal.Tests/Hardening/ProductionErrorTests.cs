using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IncidentPortal.Tests.Features.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Hardening;

/// <summary>
/// In Production no answer carries exception text or a stack trace: bad input gets the same 4xx as in Development,
/// and a real failure (a table gone from the database) gets problem details with a trace id, or the Error page.
/// </summary>
public sealed class ProductionErrorTests : IAsyncLifetime
{
    private readonly HardeningPortal portal = new();
    private WebApplicationFactory<Program> production = null!;

    private static readonly string[] Leaks = ["Exception", "   at ", "Sqlite", "no such table", "StackTrace", "IncidentPortal.Features", "IncidentPortal.Infrastructure"];

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        production = portal.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("ReloadStaticAssetsAtRuntime", "false"));
        _ = production.Server;
    }

    public async Task DisposeAsync()
    {
        await production.DisposeAsync();
        await portal.DisposeAsync();
    }

    private HttpClient Client(string? bearer = null)
    {
        var client = production.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    [Fact]
    public async Task Malformed_requests_get_4xx_problems_without_exception_text()
    {
        using var ingest = Client();
        using var surrogate = await ingest.PostAsync("/api/ingest/events",
            new StringContent("""{"routing_key":"\ud800","event_action":"trigger"}""", Encoding.UTF8, "application/json"));
        await AssertNoLeakAsync(surrogate, HttpStatusCode.Unauthorized);

        using var form = await ingest.PostAsync("/status/subscribe", new FormUrlEncodedContent(
            Enumerable.Range(0, 3000).Select(i => new KeyValuePair<string, string>("ComponentIds", i.ToString()))));
        await AssertNoLeakAsync(form, HttpStatusCode.RequestEntityTooLarge);

        using var api = Client(portal.AgentKey);
        using var patch = await api.PatchAsync($"/api/v1/incidents/{portal.IncidentId}",
            new StringContent("""{"impact":99}""", Encoding.UTF8, "application/json"));
        await AssertNoLeakAsync(patch, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_server_failure_answers_problem_details_with_a_trace_id_and_browsers_the_error_page()
    {
        using var api = Client(portal.AgentKey);
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE StatusSubscribers RENAME TO StatusSubscribersGone"));
        try
        {
            using var script = Client();
            using var failed = await script.GetAsync("/status/subscribe/confirm?token=abc");
            var problem = await AssertNoLeakAsync(failed, HttpStatusCode.InternalServerError);
            Assert.Contains("traceId", problem);

            using var browser = Client();
            browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
            using var page = await browser.GetAsync("/status/subscribe/confirm?token=abc");
            Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Something went wrong", html);
            Assert.Contains("Reference:", html);
            Assert.DoesNotContain(Leaks, html.Contains);
        }
        finally
        {
            await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE StatusSubscribersGone RENAME TO StatusSubscribers"));
        }

        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE ApiKeys RENAME TO ApiKeysGone"));
        try
        {
            using var failed = await api.GetAsync("/api/v1/incidents");
            var problem = await AssertNoLeakAsync(failed, HttpStatusCode.InternalServerError);
            Assert.Contains("traceId", problem);
        }
        finally
        {
            await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE ApiKeysGone RENAME TO ApiKeys"));
        }
    }

    private static async Task<string> AssertNoLeakAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var leaked = Leaks.Where(body.Contains).ToList();
        Assert.True(leaked.Count == 0, $"The answer shows {string.Join(", ", leaked)}: {body}");
        return body;
    }
}
