using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Notifications;

public static class NotificationsSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Notifier>();
        builder.Services.AddSingleton<NotificationInbox>();
        builder.Services.AddSingleton<NotificationPreferences>();
        builder.Services.AddSingleton<NotificationAnnouncer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NotificationAnnouncer>());
        builder.Services.AddSingleton<IIncidentSaveHook, IncidentNotificationHook>();
        return builder;
    }
}
