using IncidentPortal.Infrastructure.Outbox;

namespace IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;

public static class StatusWebhooksSetup
{
    public static void AddStatusWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StatusWebhookOptions>(builder.Configuration.GetSection(StatusWebhookOptions.Section));
        builder.Services.AddSingleton<WebhookTargets>();
        builder.Services.AddSingleton<StatusSubscriberAdmin>();
        builder.Services.AddOutboxHandler<StatusWebhookSender>();
        // Anonymous people choose these addresses: never follow a redirect (it could lead inside), keep no cookies,
        // and connect only to addresses WebhookTargets allows, checked at connect time against DNS changes.
        builder.Services.AddHttpClient(StatusWebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = services.GetRequiredService<WebhookTargets>().ConnectAsync,
            });
    }
}
