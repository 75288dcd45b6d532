using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>The demo-seeded app, with helpers to call its API as a demo user: by API key or by the sign-in cookie.</summary>
public sealed class ApiPortal : IAsyncLifetime
{
    public AdminPortalFactory Portal { get; } = new();

    /// <summary>The API's own JSON conventions: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>A new key for the demo user <paramref name="email"/> and its secret.</summary>
    public async Task<CreatedApiKey> KeyAsync(string email, ApiKeyScope scope = ApiKeyScope.ReadWrite, DateTime? expiresAt = null) =>
        await Portal.Get<ApiKeyService>().CreateAsync(await Portal.ActorAsync(email), "Test key " + Guid.NewGuid().ToString("N")[..6], scope, expiresAt);

    /// <summary>An HTTP client that sends a fresh key of <paramref name="email"/> as a bearer token (no cookies).</summary>
    public async Task<HttpClient> ClientAsync(string email, ApiKeyScope scope = ApiKeyScope.ReadWrite) =>
        WithBearer((await KeyAsync(email, scope)).Secret);

    public HttpClient WithBearer(string secret)
    {
        var client = Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public HttpClient Anonymous() => Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
}

public static class ApiResponses
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ApiPortal.Json))!;

    /// <summary>Asserts the status and that the body is problem details with that status; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, ApiPortal.Json);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body, options: ApiPortal.Json) };
        if (ifMatch is { } version) request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }
}
