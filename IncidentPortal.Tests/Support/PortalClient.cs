using System.Net;
using AngleSharp.Dom;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// An HttpClient against the test server that keeps cookies like a browser and does not follow redirects,
/// so tests see the 302s, and helpers to fill in the app's statically rendered forms.
/// </summary>
public sealed class PortalClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    public const string AuthCookie = "IncidentPortal.Auth";

    public HttpClient Http { get; } = http;
    public CookieContainer Cookies { get; } = cookies;

    public bool HasAuthCookie => Cookies.GetCookies(Http.BaseAddress!).Any(c => c.Name == AuthCookie && c.Value.Length > 0);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>The antiforgery token from the first form on <paramref name="path"/> (it also sets the antiforgery cookie).</summary>
    public async Task<string> GetAntiforgeryTokenAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var token = document.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"No {AntiforgeryField} hidden input on {path}.");
        return token!;
    }

    /// <summary>Posts <paramref name="fields"/> with a given antiforgery token, as the browser posts a form.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields.Append(new(AntiforgeryField, token))));

    /// <summary>Opens <paramref name="path"/>, then submits its form <paramref name="handler"/> with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, string handler, IDictionary<string, string> fields)
    {
        var token = await GetAntiforgeryTokenAsync(path);
        return await PostFormAsync(path, token, fields.Append(new("_handler", handler)));
    }

    /// <summary>Posts the real sign-in form.</summary>
    public Task<HttpResponseMessage> SubmitLoginAsync(string email, string password) =>
        SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public async Task<IDocument> GetDocumentAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    public void Dispose() => Http.Dispose();
}
