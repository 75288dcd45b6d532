using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IncidentPortal.Tests.Admin.Support;

/// <summary>HTTP clients against the in-process app, signed in through the real sign-in form (antiforgery and all).</summary>
public static class LoginClient
{
    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s and 403s as they are.</summary>
    public static HttpClient Anonymous(AdminPortalFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(AdminPortalFactory factory, string email)
    {
        var client = Anonymous(factory);
        var page = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name='Input.Email']") is not null);

        var fields = form.QuerySelectorAll("input[type=hidden][name]").OfType<IHtmlInputElement>()
            .ToDictionary(i => i.Name!, i => i.Value);
        fields["Input.Email"] = email;
        fields["Input.Password"] = DemoUsers.Password;

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? "/Account/Login" : form.GetAttribute("action")!;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Signing in as {email} answered {(int)response.StatusCode}, not a redirect: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("IncidentPortal.Auth", StringComparison.Ordinal));
        return client;
    }
}
