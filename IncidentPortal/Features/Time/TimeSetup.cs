namespace IncidentPortal.Features.Time;

public static class TimeSetup
{
    public static WebApplicationBuilder AddUserTime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserTimeZones>();
        builder.Services.AddScoped<ViewerTime>();
        return builder;
    }
}
