using IncidentPortal.Features.StatusPage.Public;
using IncidentPortal.Features.StatusPage.Subscriptions.Pages;
using IncidentPortal.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

/// <summary>
/// The public subscription pages, rendered like the status page itself: static HTML from Razor components, no
/// circuit, no cookie (so no antiforgery token: see <see cref="SubscribePage"/>). Form posts are rate-limited per
/// client address; pages that show or use a token are never stored by browsers or proxies.
/// </summary>
public static class SubscriptionEndpoints
{
    public static void MapSubscriptionPages(this WebApplication app)
    {
        var pages = app.MapGroup("").AllowAnonymous().DisableAntiforgery();
        pages.MapGet("/status/subscribe", async (HttpContext http, StatusSubscriptionService subscriptions, IOptions<StatusPublicOptions> options, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=60";
            return Page(new { PageName = options.Value.Name, Components = await subscriptions.VisibleComponentsAsync(ct) });
        });
        pages.MapPost("/status/subscribe", SubscribeEmailAsync).RequireRateLimiting(SubscribeRateLimit.Policy);
        pages.MapPost("/status/subscribe/webhook", SubscribeWebhookAsync).RequireRateLimiting(SubscribeRateLimit.Policy);
        pages.MapGet(SubscriberMails.ConfirmPath, async (string? token, HttpContext http, StatusSubscriptionService subscriptions,
            IOptions<StatusPublicOptions> options, CancellationToken ct) =>
        {
            // Confirming on GET is what the mailed link does; opening it again only says so (idempotent).
            NoStore(http);
            return new RazorComponentResult<ConfirmSubscriptionPage>(new { PageName = options.Value.Name, Result = await subscriptions.ConfirmAsync(token, ct) });
        });
        pages.MapGet(SubscriberMails.UnsubscribePagePath, async (string? token, string? done, HttpContext http, StatusSubscriptionService subscriptions,
            IOptions<StatusPublicOptions> options, CancellationToken ct) =>
        {
            NoStore(http);
            var subscribed = done is null ? await subscriptions.FindByUnsubscribeTokenAsync(token, ct) : null;
            return new RazorComponentResult<UnsubscribePage>(new { PageName = options.Value.Name, Token = token, Done = done, Subscribed = subscribed });
        });
    }

    private static async Task<IResult> SubscribeEmailAsync(HttpContext http, StatusSubscriptionService subscriptions,
        IOptions<StatusPublicOptions> options, CancellationToken ct)
    {
        NoStore(http);
        if (!http.Request.HasFormContentType) return Results.BadRequest("Post the subscribe form.");
        var form = await http.Request.ReadFormAsync(ct);
        var email = form["Email"].ToString();
        var components = Ids(form["ComponentIds"]);
        var result = components is null
            ? new SubscribeResult(SubscribeOutcome.Invalid, StatusSubscriptionService.ComponentsField, "Choose components from the list.")
            : await subscriptions.SubscribeAsync(email, components, http.Connection.RemoteIpAddress?.ToString(), ct);
        var sent = result.Outcome == SubscribeOutcome.MailSent;
        return Page(new
        {
            PageName = options.Value.Name,
            Components = await subscriptions.VisibleComponentsAsync(ct),
            Email = email,
            ComponentIds = components ?? [],
            EmailResult = result,
            SentTo = sent ? email.Trim() : null,
        }, sent ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SubscribeWebhookAsync(HttpContext http, StatusSubscriptionService subscriptions,
        IOptions<StatusPublicOptions> options, IOptions<PortalOptions> portal, CancellationToken ct)
    {
        NoStore(http);
        if (!http.Request.HasFormContentType) return Results.BadRequest("Post the webhook form.");
        var form = await http.Request.ReadFormAsync(ct);
        var url = form["WebhookUrl"].ToString();
        var format = form["WebhookFormat"].ToString();
        var components = Ids(form["WebhookComponentIds"]);
        var result = components is null
            ? new WebhookSubscribeResult(StatusSubscriptionService.WebhookComponentsField, "Choose components from the list.")
            : await subscriptions.SubscribeWebhookAsync(url, format, components, http.Connection.RemoteIpAddress?.ToString(), ct);
        var unsubscribe = result.Succeeded
            ? $"{portal.Value.BaseUrl}{SubscriberMails.UnsubscribePagePath}?token={Uri.EscapeDataString(result.UnsubscribeToken!)}"
            : null;
        return Page(new
        {
            PageName = options.Value.Name,
            Components = await subscriptions.VisibleComponentsAsync(ct),
            WebhookUrl = url.Trim(),
            WebhookFormat = format,
            WebhookComponentIds = components ?? [],
            WebhookResult = result,
            UnsubscribeUrl = unsubscribe,
        }, result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <returns>The ticked component ids; null when one is not a number (a hand-made post).</returns>
    private static int[]? Ids(Microsoft.Extensions.Primitives.StringValues values)
    {
        var ids = new List<int>();
        foreach (var value in values)
        {
            if (!int.TryParse(value, out var id) || ids.Count >= 500) return null;
            ids.Add(id);
        }
        return [.. ids];
    }

    private static RazorComponentResult<SubscribePage> Page(object parameters, int status = StatusCodes.Status200OK) =>
        new(parameters) { StatusCode = status };

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
