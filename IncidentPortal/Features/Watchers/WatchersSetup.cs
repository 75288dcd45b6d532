using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Watchers;

public static class WatchersSetup
{
    public static WebApplicationBuilder AddWatchers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WatcherService>();
        builder.Services.AddSingleton<IIncidentSaveHook, WatcherNotificationHook>();
        return builder;
    }
}
