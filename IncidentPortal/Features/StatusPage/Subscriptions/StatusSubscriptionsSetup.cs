using IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;
using IncidentPortal.Infrastructure.Outbox;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

public static class StatusSubscriptionsSetup
{
    public static WebApplicationBuilder AddStatusSubscriptions(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SubscribeRateLimitOptions>(builder.Configuration.GetSection(SubscribeRateLimitOptions.Section));
        builder.Services.AddSingleton<SubscriberMails>();
        builder.Services.AddSingleton<StatusSubscriptionService>();
        builder.Services.AddSingleton<IStatusNoticeHook, SubscriberNoticeHook>();
        builder.Services.AddOutboxHandler<SubscriberFanOutHandler>();
        builder.AddStatusWebhooks();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, SubscribeRateLimit>(SubscribeRateLimit.Policy));
        return builder;
    }

    /// <summary>
    /// RFC 8058 one-click unsubscribe: mail programs POST "List-Unsubscribe=One-Click" here without cookies or a form
    /// from us, so there is no antiforgery token to check; the unguessable token in the address is the authority.
    /// </summary>
    public static WebApplication MapStatusSubscriptions(this WebApplication app)
    {
        app.MapSubscriptionPages();
        app.MapPost(SubscriberMails.OneClickPath, async (HttpContext http, StatusSubscriptionService subscriptions, CancellationToken ct) =>
        {
            var token = http.Request.Query["token"].ToString();
            http.Response.Headers.CacheControl = "no-store";
            var fromPage = http.Request.HasFormContentType && (await http.Request.ReadFormAsync(ct))["source"] == "page";
            var email = await subscriptions.UnsubscribeAsync(token, ct);
            if (fromPage) return Results.Redirect($"{SubscriberMails.UnsubscribePagePath}?done={(email is null ? "unknown" : "yes")}", preserveMethod: false);
            return email is null ? Results.NotFound("No subscription has this link (maybe it was already cancelled).") : Results.Text("Unsubscribed.");
        }).DisableAntiforgery().AllowAnonymous();
        return app;
    }
}
