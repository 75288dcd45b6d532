using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Outbox;

namespace IncidentPortal.Features.Webhooks;

public static class WebhooksSetup
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<WebhookAdminService>();
        builder.Services.AddSingleton<IIncidentSaveHook, WebhookFanOut>();
        builder.Services.AddOutboxHandler<WebhookSender>();
        // Redirects are never followed: a receiver that moved must be updated by an admin, and following one could
        // carry a signed incident to a host (or scheme) nobody registered. Cookies are never kept between receivers.
        builder.Services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        return builder;
    }
}
