using System.Net;
using System.Net.Http.Json;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Api.Catalog;
using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>Who gets in: keys (scope, revoked, expired, locked owner), the cookie (with its CSRF header), nobody.</summary>
public sealed class ApiAuthenticationTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/incidents" }, { "POST", "/api/v1/incidents" }, { "GET", "/api/v1/incidents/1" },
        { "PATCH", "/api/v1/incidents/1" }, { "GET", "/api/v1/incidents/1/timeline" }, { "POST", "/api/v1/incidents/1/transitions" },
        { "POST", "/api/v1/incidents/1/comments" }, { "GET", "/api/v1/services" }, { "GET", "/api/v1/categories" },
        { "GET", "/api/v1/teams" }, { "GET", "/api/v1/me" }, { "GET", "/api/v1/major-incidents" }, { "GET", "/api/v1/major-incidents/1" },
        { "POST", "/api/v1/major-incidents/1/log" }, { "POST", "/api/v1/incidents/1/major-incident" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_requests_get_401_problem_details_never_the_sign_in_page(string method, string path)
    {
        using var client = api.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) };
        var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("API key", problem.GetProperty("detail").GetString());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_key_acts_as_its_owner_with_the_owners_roles_and_records_when_it_was_used()
    {
        var key = await api.KeyAsync(DemoAccounts.Manager, ApiKeyScope.Read);
        using var client = api.WithBearer(key.Secret);

        var me = await (await client.GetAsync("/api/v1/me")).ReadAsync<ApiMe>();

        Assert.Equal("Morgan Manager", me.Name);
        Assert.Contains(Roles.IncidentManager, me.Roles);
        Assert.Equal(ApiKeyScope.Read, me.KeyScope);
        var keys = await api.Portal.Get<ApiKeyService>().ListAsync(await api.Portal.ManagerAsync());
        Assert.NotNull(keys.Single(k => k.Id == key.Key.Id).LastUsedAt);
    }

    [Fact]
    public async Task The_X_Api_Key_header_works_like_the_bearer_token()
    {
        var key = await api.KeyAsync(DemoAccounts.Agent);
        using var client = api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/teams")).StatusCode);
    }

    [Fact]
    public async Task A_read_key_reads_but_every_write_is_refused_with_403()
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent, ApiKeyScope.Read);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/incidents/1")).StatusCode);

        var writes = new[]
        {
            await client.PostJsonAsync("/api/v1/incidents", new { title = "Read key write", impact = "Low", urgency = "Low" }),
            await client.PatchJsonAsync("/api/v1/incidents/1", new { title = "Renamed by a read key" }),
            await client.PostJsonAsync("/api/v1/incidents/1/transitions", new { action = "Start" }),
            await client.PostJsonAsync("/api/v1/incidents/1/comments", new { text = "From a read key", isPublic = true }),
        };
        foreach (var response in writes)
            Assert.Contains("read-only", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        Assert.False(await api.Portal.WithDbAsync(db => db.Incidents.AnyAsync(i => i.Title == "Read key write" || i.Title == "Renamed by a read key")));
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var key = await api.KeyAsync(DemoAccounts.Agent);
        using var client = api.WithBearer(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        Assert.True(await api.Portal.Get<ApiKeyService>().RevokeAsync(await api.Portal.AgentAsync(), key.Key.Id));

        var problem = await (await client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Someone_else_cannot_revoke_my_key()
    {
        var key = await api.KeyAsync(DemoAccounts.Agent);
        Assert.False(await api.Portal.Get<ApiKeyService>().RevokeAsync(await api.Portal.ReporterAsync(), key.Key.Id));
        using var client = api.WithBearer(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_expired_key_gets_401()
    {
        var key = await api.KeyAsync(DemoAccounts.Agent, expiresAt: DateTime.UtcNow.AddDays(1));
        using var client = api.WithBearer(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await api.Portal.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Key.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        await (await client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("ipa_not-a-real-key")]
    [InlineData("something-else")]
    public async Task An_unknown_key_gets_401(string secret)
    {
        using var client = api.WithBearer(secret);
        await (await client.GetAsync("/api/v1/incidents")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_locked_out_owners_keys_stop_working()
    {
        var email = Support.TestUsers.UniqueEmail("locked");
        var user = await api.Portal.CreateUserAsync(email, Roles.Agent);
        var key = await api.KeyAsync(email);
        using var client = api.WithBearer(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await api.Portal.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddHours(1)));

        await (await client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_browser_cookie_reads_and_writes_only_with_the_CSRF_header()
    {
        using var browser = await api.Portal.SignInDemoAsync(DemoAccounts.Agent);
        var me = await (await browser.GetAsync("/api/v1/me")).ReadAsync<ApiMe>();
        Assert.Equal("Alex Agent", me.Name);
        Assert.Null(me.KeyScope);

        var comment = new { text = "Cookie comment " + Guid.NewGuid().ToString("N")[..6], isPublic = false };
        var forged = await browser.Http.PostJsonAsync("/api/v1/incidents/1/comments", comment);
        Assert.Contains("X-Requested-With", (await forged.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        Assert.False(await api.Portal.WithDbAsync(db => db.IncidentActivities.AnyAsync(a => a.Text == comment.text)));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/1/comments") { Content = JsonContent.Create(comment) };
        request.Headers.Add("X-Requested-With", "fetch");
        Assert.Equal(HttpStatusCode.Created, (await browser.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_key_wins_over_a_cookie_on_the_same_request()
    {
        using var browser = await api.Portal.SignInDemoAsync(DemoAccounts.Agent);
        var key = await api.KeyAsync(DemoAccounts.Reporter, ApiKeyScope.Read);
        browser.Http.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);

        var me = await (await browser.GetAsync("/api/v1/me")).ReadAsync<ApiMe>();

        Assert.Equal("Riley Reporter", me.Name);
    }
}
