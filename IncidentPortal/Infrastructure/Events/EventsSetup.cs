namespace IncidentPortal.Infrastructure.Events;

public static class EventsSetup
{
    public static WebApplicationBuilder AddEventBus(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IEventBus, InProcessEventBus>();
        return builder;
    }
}
