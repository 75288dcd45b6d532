namespace IncidentPortal.Features.StatusPage;

public static class StatusPageSetup
{
    public static WebApplicationBuilder AddStatusPublishing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StatusService>();
        return builder;
    }
}
