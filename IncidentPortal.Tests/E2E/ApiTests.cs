using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>The API from a user's side: a key made on the account page works once shown and stops when revoked; the docs page tries a GET.</summary>
public sealed class ApiTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_user_creates_a_key_sees_it_once_uses_it_and_revokes_it() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Manager);
        await page.GotoAsync("/Account/Manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "API keys", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Exact = true, Level = 2 })).ToBeVisibleAsync();
        // The one interactive account page: the form works once the circuit is up.
        await page.WaitForInteractiveAsync();

        var name = "E2E sync " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Read only: list and view").CheckAsync();
        await page.ChooseAsync("Expires", "In 30 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var secretBox = page.GetByLabel("New API key");
        await Expect(secretBox).ToHaveValueAsync(new Regex("^ipa_[A-Za-z0-9_-]{40,}$"));
        var secret = await secretBox.InputValueAsync();
        var card = page.GetByRole(AriaRole.Listitem, new() { Name = name });
        await Expect(card).ToContainTextAsync(secret[..12]);
        await Expect(card).ToContainTextAsync("Read only");
        await Expect(card).ToContainTextAsync("Active");

        using var http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await http.GetStringAsync("/api/v1/me");
        Assert.Contains("Morgan Manager", me);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/api/v1/incidents", new StringContent("{}", null, "application/json"))).StatusCode);

        // Shown once: opening the page again lists the key by its prefix only.
        await page.GotoInteractiveAsync("/Account/Manage/ApiKeys");
        await Expect(page.GetByLabel("New API key")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync());
        await Expect(card).ToContainTextAsync("Last used");
        await Expect(card).Not.ToContainTextAsync("Last used Never");

        await card.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Revoke API key" });
        await Expect(confirm).ToContainTextAsync(name);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Revoked" })).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Revoked");
        await Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/me")).StatusCode);
    });

    [Fact]
    public Task The_docs_page_lists_every_operation_and_tries_a_GET_with_the_users_session() => Run(async () =>
    {
        var page = await SignedInPageAsync(DemoUsers.Reporter);
        await page.GotoInteractiveAsync("/");
        // The menu offers the API to staff only, but a reporter may call it, so its reference answers them too.
        await Expect(page.NavLink("API")).ToHaveCountAsync(0);
        await page.GotoInteractiveAsync("/api/docs");
        await Expect(page.Heading("API reference")).ToBeVisibleAsync();

        var operations = page.GetByRole(AriaRole.Navigation, new() { Name = "Operations" }).GetByRole(AriaRole.Link);
        await Expect(operations.Filter(new() { HasText = "/api/v1/" })).ToHaveCountAsync(25);
        await Expect(operations.Filter(new() { HasText = "/api/v1/incidents/{incident}/transitions" })).ToBeVisibleAsync();

        var get = page.Locator("#op-getIncident");
        await get.Locator("summary").ClickAsync();
        await Expect(get.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex(@"^incident\W*$") })).ToBeVisibleAsync();
        await get.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(get.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Fill in incident.");

        // Demo incident 6 is the reporter's own; the request goes out with the reporter's cookie.
        await get.GetByLabel("incident (required)").FillAsync("INC-000006");
        await Expect(get.GetByLabel("Request URL")).ToHaveTextAsync("GET /api/v1/incidents/INC-000006");
        await get.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        var response = get.GetByRole(AriaRole.Status, new() { Name = "Response" });
        await Expect(response).ToContainTextAsync("200");
        await Expect(response.GetByLabel("Response body")).ToContainTextAsync("\"reference\": \"INC-000006\"");

        // Someone else's incident: the same 404 problem as for one that does not exist.
        await get.GetByLabel("incident (required)").FillAsync("1");
        await get.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(response).ToContainTextAsync("404");
        await Expect(response.GetByLabel("Response body")).ToContainTextAsync("\"status\": 404");
    });

    [Fact]
    public Task Signed_out_visitors_read_the_docs_and_are_asked_to_sign_in_to_try() => Run(async () =>
    {
        var page = await NewPageAsync();
        await page.GotoInteractiveAsync("/api/docs");
        await Expect(page.Heading("API reference")).ToBeVisibleAsync();
        var list = page.Locator("#op-listIncidents");
        await list.Locator("summary").ClickAsync();
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Button, new() { Name = "Send request" })).ToHaveCountAsync(0);
    });
}
